using MucGov.Ticket;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTicketService();

var app = builder.Build();
app.MapDefaultEndpoints();
return await app.RunServiceAsync(args);
