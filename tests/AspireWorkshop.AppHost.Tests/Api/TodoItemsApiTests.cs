using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Api;

/// <summary>The Api's CRUD contract against the Api the AppHost runs.</summary>
[Collection(nameof(SharedWorkshopApp))]
public sealed class TodoItemsApiTests(DevelopmentWorkshopAppFixture fixture)
    : TodoItemsApiContract(() => fixture.CreateHttpClient("api"));
