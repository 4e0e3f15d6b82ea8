using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AspireWorkshop.ComposeExport.Tests.Infrastructure;

/// <summary>The Compose specification's JSON schema, copied unchanged into Fixtures.</summary>
internal static class ComposeSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    private static JsonSchema Load()
    {
        // The file names draft-07 as "https://json-schema.org/draft-07/schema", without the "#" of the
        // canonical id, so that spelling is registered as draft-07 rather than the file being edited.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft07.With([], new Uri("https://json-schema.org/draft-07/schema")));
        var options = new BuildOptions { DialectRegistry = dialects };

        return JsonSchema.FromText(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "compose-spec.json")), options);
    }

    public static void AssertValid(JsonNode compose)
    {
        using var document = JsonDocument.Parse(compose.ToJsonString());
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        var result = Schema.Value.Evaluate(document.RootElement, options);
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

        Assert.True(result.IsValid, "compose.yaml does not match the Compose schema:\n" + string.Join("\n", errors));
    }
}
