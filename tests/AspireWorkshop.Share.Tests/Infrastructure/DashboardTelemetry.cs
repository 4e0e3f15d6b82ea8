namespace AspireWorkshop.Share.Tests.Infrastructure;

/// <summary>
/// The dashboard's HTTP telemetry API (<c>/api/telemetry/spans</c>, key in <c>x-api-key</c>), which
/// answers in OTLP's JSON shape: spans grouped by the resource (service) that sent them.
/// </summary>
public sealed class DashboardTelemetry(Uri dashboard, string apiKey) : IDisposable
{
    private readonly HttpClient client = new() { BaseAddress = dashboard, Timeout = TestTimeouts.Request };

    /// <summary>Waits, within <see cref="TestTimeouts.AppStartup"/>, until the API answers with the key.</summary>
    public async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TestTimeouts.AppStartup);
        while (true)
        {
            try
            {
                using var response = await SendAsync("/api/telemetry/resources", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The dashboard is still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
        }
    }

    /// <summary>Every span the dashboard holds, each with the service that sent it.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> SpansAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync("/api/telemetry/spans", cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SpansResponse>(cancellationToken);

        return [.. (body?.Data.ResourceSpans ?? [])
            .SelectMany(group => group.ScopeSpans.SelectMany(scope => scope.Spans)
                .Select(span => new ReceivedSpan(ServiceName(group.Resource), span.TraceId, span.Name)))];
    }

    public void Dispose() => client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", apiKey);

        return await client.SendAsync(request, cancellationToken);
    }

    private static string ServiceName(OtlpResource resource) =>
        resource.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value.StringValue ?? "";

    private sealed record SpansResponse(SpansData Data);

    private sealed record SpansData(IReadOnlyList<ResourceSpans> ResourceSpans);

    private sealed record ResourceSpans(OtlpResource Resource, IReadOnlyList<ScopeSpans> ScopeSpans);

    private sealed record OtlpResource(IReadOnlyList<OtlpAttribute> Attributes);

    private sealed record OtlpAttribute(string Key, OtlpValue Value);

    private sealed record OtlpValue(string? StringValue);

    private sealed record ScopeSpans(IReadOnlyList<OtlpSpan> Spans);

    private sealed record OtlpSpan(string TraceId, string Name);
}

/// <summary>A span as the dashboard received it.</summary>
/// <param name="Service">The <c>service.name</c> of the sender.</param>
/// <param name="TraceId">The trace it belongs to.</param>
/// <param name="Name">The span name, such as <c>GET /items</c>.</param>
public sealed record ReceivedSpan(string Service, string TraceId, string Name);
