using MucGov.Identity;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
if (app.IsMigrateCommand(args))
{
    return await app.MigrateAsync();
}

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapIdentityService();
await app.RunAsync();
return 0;
