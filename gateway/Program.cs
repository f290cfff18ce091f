using MucGov.Gateway;
using MucGov.Gateway.Health;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
if (app.IsMigrateCommand(args))
{
    return await app.MigrateAsync();
}

app.MapDefaultEndpoints();
app.MapServicesHealth();
app.MapReverseProxy();
await app.RunAsync();
return 0;
