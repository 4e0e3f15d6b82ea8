using AspireWorkshop.Api;
using AspireWorkshop.Api.Database;
using AspireWorkshop.Api.Todos;

if (ContainerHealthProbe.IsRequested(args))
{
    return await ContainerHealthProbe.RunAsync(args);
}

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

await app.RunAsync();

return 0;
