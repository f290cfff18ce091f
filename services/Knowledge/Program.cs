using MucGov.Knowledge;
using MucGov.Shared.Data;
using MucGov.Shared.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddKnowledgeService();

var app = builder.Build();
app.MapDefaultEndpoints();
return await app.RunServiceAsync(args);
