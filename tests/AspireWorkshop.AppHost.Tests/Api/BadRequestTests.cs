using AspireWorkshop.AppHost.Tests.Infrastructure;

namespace AspireWorkshop.AppHost.Tests.Api;

/// <summary>The bad-requests contract against the AppHost's Api in Development, as F5 runs it.</summary>
[Collection(nameof(SharedWorkshopApp))]
public sealed class BadRequestsInDevelopmentTests(DevelopmentWorkshopAppFixture fixture)
    : BadRequestContract(() => fixture.CreateHttpClient("api"));

/// <summary>The same contract with the Api in Production, to check it answers as in Development.</summary>
public sealed class BadRequestsInProductionTests(ProductionWorkshopAppFixture fixture)
    : BadRequestContract(() => fixture.CreateHttpClient("api")), IClassFixture<ProductionWorkshopAppFixture>;
