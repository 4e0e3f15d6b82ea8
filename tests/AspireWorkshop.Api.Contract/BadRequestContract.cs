using System.Text;

namespace AspireWorkshop.Api.Contract;

/// <summary>
/// The requests of the bad-requests table: each gets its expected status, a problem-details
/// body for every 4xx and no change to stored data, whatever runs the Api:
/// <paramref name="createApiClient"/> gives a client whose base address is the Api.
/// </summary>
public abstract class BadRequestContract(Func<HttpClient> createApiClient)
{
    private readonly HttpClient _api = createApiClient();
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    public static TheoryData<string> Rows => [.. BadRequestCase.All.Select(testCase => testCase.Row)];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_bad_request_gets_a_problem_and_changes_nothing(string row)
    {
        var testCase = BadRequestCase.All.Single(candidate => candidate.Row == row);
        await _api.CreateItemAsync("an item that must survive bad requests", _cancellationToken);
        var before = await _api.ListItemsAsync(_cancellationToken);

        using var request = new HttpRequestMessage(testCase.Method, testCase.Path.Replace(BadRequestCase.UnknownId, Guid.NewGuid().ToString(), StringComparison.Ordinal))
        {
            Content = testCase.CreateBody(),
        };

        // As curl does for large uploads: the Api can refuse an oversized body (413) before it is
        // sent, rather than closing the connection while the client is still writing it.
        request.Headers.ExpectContinue = true;
        using var response = await _api.SendAsync(request, _cancellationToken);

        Assert.Contains(response.StatusCode, testCase.AllowedStatuses);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _api.ListItemsAsync(_cancellationToken));
    }

    [Fact]
    public async Task Row_8_a_unicode_name_is_created_and_listed_unchanged()
    {
        const string name = "😀 é ü 中文";

        var created = await _api.CreateItemAsync(name, _cancellationToken);

        Assert.Equal(name, Assert.Single(await _api.ListItemsAsync(_cancellationToken), item => item.Id == created.Id).Name);
    }

    [Fact]
    public async Task Row_12_a_client_sent_id_is_ignored()
    {
        var clientId = Guid.NewGuid();

        using var response = await _api.PostAsJsonAsync("/items", new { name = "x", id = clientId }, _cancellationToken);
        var created = await response.Content.ReadFromJsonAsync<TodoItemJson>(_cancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(clientId, created!.Id);
        using var lookup = await _api.GetAsync($"/items/{clientId}", _cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Row_14_asking_for_XML_still_gets_JSON()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items");
        request.Headers.Accept.ParseAdd("application/xml");

        using var response = await _api.SendAsync(request, _cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(await response.Content.ReadFromJsonAsync<List<TodoItemJson>>(_cancellationToken));
    }

    [Fact]
    public async Task A_name_of_255_characters_is_accepted()
    {
        var name = new string('a', 255);

        Assert.Equal(name, (await _api.CreateItemAsync(name, _cancellationToken)).Name);
    }

    [Fact]
    public async Task A_name_with_zero_width_joiners_inside_an_emoji_is_accepted()
    {
        // Woman, zero-width joiner, laptop: one glyph on screen, three code points.
        const string name = "\U0001F469\u200D\U0001F4BB review";

        Assert.Equal(name, (await _api.CreateItemAsync(name, _cancellationToken)).Name);
    }

    [Fact]
    public async Task An_unknown_route_gets_a_problem()
    {
        using var response = await _api.GetAsync("/no-such-route", _cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(_cancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_body_gets_the_same_problem_shape_without_internals()
    {
        using var response = await _api.PostAsync("/items", new StringContent("{\"name\":", Encoding.UTF8, "application/json"), _cancellationToken);
        var body = await response.Content.ReadAsStringAsync(_cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"status\":400", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
