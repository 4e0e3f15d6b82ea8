using AspireWorkshop.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres(WorkshopResources.Postgres)
    .WithImageFromConfiguration("WorkshopImages:Postgres")
    .WithDataVolume(builder.Configuration["WorkshopVolumes:PostgresData"]);

var todos = postgres.AddDatabase(WorkshopResources.TodosDatabase);

// The Api creates its schema on start-up, so it waits until the database accepts connections
// instead of spending its first seconds retrying.
var api = builder.AddProject<Projects.AspireWorkshop_Api>(WorkshopResources.Api)
    .WithReference(todos)
    .WaitFor(todos)
    .WithHttpHealthCheck("/health");

// The page is useless without the Api, so it starts only once the Api reports healthy.
builder.AddProject<Projects.AspireWorkshop_Web>(WorkshopResources.Web)
    .WithReference(api)
    .WaitFor(api)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
