namespace AspireWorkshop.Web.TodoApi;

/// <summary>The Api could not do what the page asked; the message is fit to show to the user.</summary>
public sealed class TodoApiException(string message, Exception? innerException = null)
    : Exception(message, innerException);
