using MucGov.Knowledge;
using MucGov.Knowledge.Catalog;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddKnowledgeService();

var app = builder.Build();
if (app.IsMigrateCommand(args))
{
    return await app.MigrateAsync();
}

if (app.IsCatalogCommand(args))
{
    return await app.RunCatalogCommandAsync(args);
}

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapKnowledgeService();
await app.RunAsync();
return 0;
