using MucGov.Gateway;
using MucGov.Gateway.Health;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapServicesHealth();
app.MapReverseProxy();
return await app.RunServiceAsync(args);
