namespace AspireWorkshop.ComposeExport;

/// <summary>
/// The input cannot be exported as it is. The message is one line meant for the person running the export:
/// it names the resource, parameter or file at fault.
/// </summary>
public sealed class ComposeExportException : Exception
{
    /// <summary>Creates an exception with a message for the user.</summary>
    public ComposeExportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message for the user and the error that caused it.</summary>
    public ComposeExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public ComposeExportException()
    {
    }
}
