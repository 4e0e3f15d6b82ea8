namespace AspireWorkshop.Compose.EndToEnd.Tests.Exported;

/// <summary>The Api's CRUD contract, the same tests the AppHost runs, against the exported deployment.</summary>
[Collection(nameof(ExportedDeployment))]
public sealed class ExportedTodoItemsApiTests(ExportedDeploymentFixture fixture)
    : TodoItemsApiContract(fixture.CreateApiClient);

/// <summary>The bad-requests contract against the exported deployment.</summary>
[Collection(nameof(ExportedDeployment))]
public sealed class ExportedBadRequestTests(ExportedDeploymentFixture fixture)
    : BadRequestContract(fixture.CreateApiClient);
