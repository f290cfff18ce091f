using MucGov.Conversation;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddConversationService();

var app = builder.Build();
if (app.IsMigrateCommand(args))
{
    return await app.MigrateAsync();
}

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapConversationService();
await app.RunAsync();
return 0;
