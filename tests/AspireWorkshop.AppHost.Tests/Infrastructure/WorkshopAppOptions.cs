using System.Security.Cryptography;

namespace AspireWorkshop.AppHost.Tests.Infrastructure;

/// <summary>
/// What makes one test run of the AppHost its own: a data volume and a password no other run
/// uses, so parallel and repeated runs never share a database.
/// </summary>
public sealed record WorkshopAppOptions(string DataVolumeName, string PostgresPassword, string ApiEnvironment)
{
    /// <summary>How many instances of the Api the AppHost starts, all at the same moment.</summary>
    public int ApiReplicas { get; init; } = 1;

    /// <summary>Fresh random names and secrets; the Api runs in Development, as under F5.</summary>
    public static WorkshopAppOptions CreateRandom(string apiEnvironment = "Development") =>
        new($"aspireworkshop-tests-{RandomNumberGenerator.GetHexString(12, lowercase: true)}",
            RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24),
            apiEnvironment);

    /// <summary>Configuration the AppHost reads, as command-line arguments.</summary>
    public string[] ToAppHostArguments() =>
    [
        // The http profile needs no development certificate, which CI machines do not have.
        "--DOTNET_LAUNCH_PROFILE=http",
        $"--WorkshopVolumes:PostgresData={DataVolumeName}",
        $"--Parameters:postgres-password={PostgresPassword}",
    ];
}
