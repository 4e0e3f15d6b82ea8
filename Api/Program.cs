using AspireWorkshop.Api;
using AspireWorkshop.Api.Database;
using AspireWorkshop.Api.Todos;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTodoDatabase();
builder.AddApiConventions();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseApiConventions();
app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapTodoItemsApi();

app.Run();
