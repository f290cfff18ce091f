using MassTransit;
using Microsoft.EntityFrameworkCore;
using MucGov.Contracts.Identity;
using MucGov.Identity.Accounts;
using MucGov.Identity.Data;

namespace MucGov.Identity.Consumers;

/// <summary>
/// Answers <see cref="GetCitizenProfile"/> with exactly the fields asked for (those the citizen consented to share) and
/// records the disclosure; unknown or erased citizens get <see cref="CitizenNotFound"/>.
/// </summary>
public sealed class GetCitizenProfileConsumer(AccountDbContext db, TimeProvider clock) : IConsumer<GetCitizenProfile>
{
    /// <summary>Field names a request may name.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "givenName", "familyName", "name", "birthDate", "street", "houseNumber", "postalCode", "city", "address", "email", "phone", "preferredLanguage", "documents",
    };

    public async Task Consume(ConsumeContext<GetCitizenProfile> context)
    {
        var request = context.Message;
        var account = await db.Users.AsNoTracking().Include(a => a.Documents)
            .SingleOrDefaultAsync(a => a.Id == request.CitizenId && a.Kind == AccountKind.Citizen, context.CancellationToken);
        if (account is null)
        {
            await context.RespondAsync(new CitizenNotFound(request.CitizenId));
            return;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in request.Fields.Where(KnownFields.Contains).Distinct())
        {
            var value = Read(account, field);
            if (!string.IsNullOrEmpty(value))
            {
                fields[field] = value;
            }
        }

        db.Disclosures.Add(new Disclosure
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CitizenId = account.Id,
            ConsentId = request.ConsentId,
            Purpose = request.Purpose,
            Recipient = request.Recipient,
            Fields = [.. fields.Keys],
            DisclosedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
        await context.RespondAsync(new CitizenProfile(account.Id, request.ConsentId, fields, account.TrustLevel));
    }

    private static string? Read(Account account, string field) => field switch
    {
        "givenName" => account.GivenName,
        "familyName" => account.FamilyName,
        "name" => account.Name,
        "birthDate" => account.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "street" => account.Street,
        "houseNumber" => account.HouseNumber,
        "postalCode" => account.PostalCode,
        "city" => account.City,
        "address" => account.AddressLine,
        "email" => account.Email,
        "phone" => account.PhoneNumber,
        "preferredLanguage" => account.PreferredLanguage,
        "documents" => string.Join("; ", account.Documents.Select(d => d.Number is null ? d.Title : $"{d.Title} ({d.Number})")),
        _ => null,
    };
}
