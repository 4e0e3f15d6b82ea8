using System.Text;

namespace AspireWorkshop.Api.Contract;

/// <summary>
/// One row of the bad-requests table: a request a client might send by mistake, and the statuses
/// the Api may answer it with. None of them may be a 500 or change stored data.
/// </summary>
public sealed record BadRequestCase(string Row, HttpMethod Method, string Path, Func<HttpContent?> CreateBody, HttpStatusCode[] AllowedStatuses)
{
    /// <summary>The id in the path when a case needs an item that does not exist.</summary>
    public const string UnknownId = "{unknown-id}";

    /// <summary>Every row of the table, keyed by its number so a failure names the row.</summary>
    public static IReadOnlyList<BadRequestCase> All { get; } =
    [
        new("1 wrong type for completed", HttpMethod.Post, "/items", () => Json("""{"name":"x","completed":"yes"}"""), [HttpStatusCode.BadRequest]),
        new("2 truncated JSON", HttpMethod.Post, "/items", () => Json("""{"name":"""), [HttpStatusCode.BadRequest]),
        new("3 empty JSON body", HttpMethod.Post, "/items", () => Json(""), [HttpStatusCode.BadRequest]),
        new("4 text/plain body", HttpMethod.Post, "/items", () => new StringContent("name=x", Encoding.UTF8, "text/plain"), [HttpStatusCode.UnsupportedMediaType]),
        new("5 empty name", HttpMethod.Post, "/items", () => Json("""{"name":""}"""), [HttpStatusCode.BadRequest]),
        new("6 blank name", HttpMethod.Post, "/items", () => Json("""{"name":"   "}"""), [HttpStatusCode.BadRequest]),
        new("7 name of 256 characters", HttpMethod.Post, "/items", () => Json($$"""{"name":"{{new string('a', 256)}}"}"""), [HttpStatusCode.BadRequest]),
        new("9 PUT unknown id", HttpMethod.Put, $"/items/{UnknownId}", () => Json("""{"name":"x","completed":true}"""), [HttpStatusCode.NotFound]),
        new("10 DELETE unknown id", HttpMethod.Delete, $"/items/{UnknownId}", () => null, [HttpStatusCode.NotFound]),
        new("11 PUT id that is not a UUID", HttpMethod.Put, "/items/not-a-uuid", () => Json("""{"name":"x","completed":true}"""), [HttpStatusCode.BadRequest, HttpStatusCode.NotFound]),
        new("13 body of 2 MB", HttpMethod.Post, "/items", () => Json($$"""{"name":"{{new string('a', 2 * 1024 * 1024)}}"}"""), [HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest]),
        new("PUT without completed", HttpMethod.Put, $"/items/{UnknownId}", () => Json("""{"name":"x"}"""), [HttpStatusCode.BadRequest]),
        new("POST with null name", HttpMethod.Post, "/items", () => Json("""{"name":null}"""), [HttpStatusCode.BadRequest]),
        new("POST without name", HttpMethod.Post, "/items", () => Json("""{"completed":true}"""), [HttpStatusCode.BadRequest]),
        new("POST with a NUL character", HttpMethod.Post, "/items", () => Json("""{"name":"a\u0000b"}"""), [HttpStatusCode.BadRequest]),
        new("POST with a lone surrogate", HttpMethod.Post, "/items", () => Json("""{"name":"a\ud800b"}"""), [HttpStatusCode.BadRequest]),
        new("POST with a control character", HttpMethod.Post, "/items", () => Json("""{"name":"ring \u0007 bell"}"""), [HttpStatusCode.BadRequest]),
        new("POST with an unknown charset", HttpMethod.Post, "/items", () => JsonWithContentType("""{"name":"x"}""", "application/json; charset=bogus"), [HttpStatusCode.UnsupportedMediaType]),
        new("PUT with an empty charset", HttpMethod.Put, $"/items/{UnknownId}", () => JsonWithContentType("""{"name":"x","completed":true}""", "application/json; charset="), [HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest]),
        new("POST with only zero-width characters", HttpMethod.Post, "/items", () => Json("""{"name":" \u200b\u200d\ufeff\u2060 "}"""), [HttpStatusCode.BadRequest]),
        new("PUT with only a no-break space and a zero-width space", HttpMethod.Put, $"/items/{UnknownId}", () => Json("""{"name":"\u00a0\u200b","completed":true}"""), [HttpStatusCode.BadRequest]),
        new("POST a JSON array", HttpMethod.Post, "/items", () => Json("""[{"name":"x"}]"""), [HttpStatusCode.BadRequest]),
    ];

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent JsonWithContentType(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        return content;
    }

    /// <inheritdoc />
    public override string ToString() => Row;
}
