using System.Text;
using Microsoft.Net.Http.Headers;

namespace AspireWorkshop.Api;

/// <summary>
/// Makes the request's declared charset something the JSON reader understands before any
/// endpoint reads the body: a quoted name (<c>charset="utf-8"</c>, valid HTTP) is unquoted, and an
/// unknown one is refused with 415. Without this, the body reader throws on both and the client
/// gets a 500 for what is its own mistake, or none at all.
/// </summary>
public sealed class RequestCharsetMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    /// <summary>Checks the charset, then hands the request on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType) && contentType.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(contentType.Charset).ToString();
            if (!IsKnownEncoding(charset))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await problemDetails.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Title = "The request's charset is not supported.",
                        Detail = "Send the body as UTF-8 JSON (Content-Type: application/json).",
                    },
                });

                return;
            }

            contentType.Charset = charset;
            context.Request.ContentType = contentType.ToString();
        }

        await next(context);
    }

    private static bool IsKnownEncoding(string charset)
    {
        try
        {
            return charset.Length > 0 && Encoding.GetEncoding(charset) is not null;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
