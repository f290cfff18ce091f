using MucGov.Gateway;
using MucGov.Gateway.Bff;
using MucGov.Gateway.Docs;
using MucGov.Gateway.Health;
using MucGov.Gateway.Security;
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

app.UseSecurityHeaders();
app.UseServiceDefaults();
app.UseGatewaySecurity();
app.MapDefaultEndpoints();
app.MapWebPages();
app.MapBff();
app.MapServicesHealth();
app.MapApiReference();
app.MapReverseProxy();
await app.RunAsync();
return 0;
