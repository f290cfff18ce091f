using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;
using MucGov.Ticket;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTicketService();

var app = builder.Build();
if (app.IsMigrateCommand(args))
{
    return await app.MigrateAsync();
}

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapTicketService();
await app.RunAsync();
return 0;
