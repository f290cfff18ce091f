using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MucGov.Knowledge.Data;

namespace MucGov.Knowledge.Search;

/// <summary>
/// A save of this instance that changed a service, department, location or life situation (editor API, import) makes
/// the catalog in memory (<see cref="CatalogIndexes"/>) ask the database again at the next read, so the writer sees
/// its change at once; other instances see it within <see cref="Catalog.CatalogOptions.ChangeCheckInterval"/>.
/// </summary>
public sealed class CatalogChangeInterceptor(CatalogIndexes indexes) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> CatalogRows = [typeof(ServiceRow), typeof(DepartmentRow), typeof(LocationRow), typeof(LifeSituationRow)];

    /// <summary>The contexts whose save under way changes the catalog.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> changing = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        // Before and after: a read between the save and the commit must not keep the old catalog either.
        InvalidateIfCatalog(eventData.Context);
        return base.SavingChangesAsync(eventData, result, ct);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        InvalidateIfChanged(eventData.Context);
        return base.SavedChangesAsync(eventData, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        InvalidateIfCatalog(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        InvalidateIfChanged(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void InvalidateIfCatalog(DbContext? context)
    {
        if (context?.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && CatalogRows.Contains(e.Metadata.ClrType)) == true)
        {
            changing.AddOrUpdate(context, this);
            indexes.Invalidate();
        }
    }

    private void InvalidateIfChanged(DbContext? context)
    {
        if (context is not null && changing.Remove(context))
        {
            indexes.Invalidate();
        }
    }
}
