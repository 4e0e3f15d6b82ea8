namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>Polls an Api until it serves again, within a bound.</summary>
public static class ApiProbe
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Waits until <c>/health</c> answers 200 and <c>GET /items</c> answers 200; throws when that
    /// takes longer than <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilHealthyAndListingAsync(HttpClient api, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (!await AnswersAsync(api, "/health", limit.Token) || !await AnswersAsync(api, "/items", limit.Token))
            {
                await Task.Delay(PollInterval, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The Api at {api.BaseAddress} did not serve again within {timeout}.");
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient api, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.GetAsync(path, cancellationToken);

            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
