using System.Text.Json;

namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Checks an outage answer: 503 with a problem-details body, not a 500 or an empty page.</summary>
public static class ProblemAssertions
{
    /// <summary>Asserts <paramref name="response"/> is a 503 whose body is a problem with status 503.</summary>
    public static async Task AssertServiceUnavailableProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
    }
}
