using MucGov.Conversation;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddConversationService();

var app = builder.Build();
app.MapDefaultEndpoints();
return await app.RunServiceAsync(args);
