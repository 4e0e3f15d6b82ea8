using AspireWorkshop.ComposeExport.Compose;
using AspireWorkshop.ComposeExport.Manifest;

namespace AspireWorkshop.ComposeExport.Conversion;

/// <summary>
/// Decides the value of each parameter input the first time an expression needs it. Secret and
/// generated values live in <c>.env</c>; others are written into compose.yaml as they are.
/// </summary>
internal sealed class ParameterStore(ConversionOptions options)
{
    // Compose reads COMPOSE_* and DOCKER_* from .env to configure itself, so such a variable would
    // change how Compose runs rather than reach a container.
    private static readonly string[] ReservedPrefixes = ["COMPOSE_", "DOCKER_"];

    private readonly Dictionary<(string Parameter, string Input), ResolvedValue> values = [];
    private readonly Dictionary<string, string> variableOwners = new(StringComparer.Ordinal);
    private readonly List<(EnvSecretInfo Info, string Value)> envEntries = [];

    /// <summary>The parameter values that go to <c>.env</c>, in the order they were first used.</summary>
    public IReadOnlyList<(EnvSecretInfo Info, string Value)> EnvEntries => envEntries;

    public ResolvedValue Get(string parameter, string inputName, ParameterInput input)
    {
        if (values.TryGetValue((parameter, inputName), out var known))
        {
            return known;
        }

        // The 'value' input is the parameter itself; Aspire names it so in every manifest it writes.
        var isMainInput = inputName == "value";
        var variable = isMainInput ? Names.Variable(parameter) : Names.Variable(parameter, inputName);
        var suppliedKey = isMainInput ? parameter : $"{parameter}.{inputName}";
        var inEnvFile = input.Secret || input.Default?.Generate is not null;

        var (value, origin) = Choose(parameter, suppliedKey, variable, inEnvFile, input);

        ResolvedValue resolved;
        if (inEnvFile)
        {
            Claim(variable, parameter);
            if (DotEnvFormat.WhyNotCarriable(value) is { } reason)
            {
                throw new ComposeExportException($"Parameter '{parameter}' cannot be exported: {reason}.");
            }

            envEntries.Add((new EnvSecretInfo(variable, parameter, origin), value));
            resolved = ResolvedValue.Secret(value, new EnvSecret(variable, parameter));
        }
        else
        {
            resolved = ResolvedValue.Literal(value);
        }

        values[(parameter, inputName)] = resolved;

        return resolved;
    }

    /// <summary>
    /// The user's value first, then the one an earlier export left in <c>.env</c> (so a database keeps
    /// the password its volume was initialised with), then the AppHost's default, then a generated one.
    /// </summary>
    private (string Value, ValueOrigin Origin) Choose(
        string parameter, string suppliedKey, string variable, bool inEnvFile, ParameterInput input)
    {
        if (options.Parameters.TryGetValue(suppliedKey, out var supplied))
        {
            return (supplied, ValueOrigin.Supplied);
        }

        if (inEnvFile && options.ExistingEnv.TryGetValue(variable, out var kept))
        {
            return (kept, ValueOrigin.Kept);
        }

        if (input.Default?.Value is { } fixedValue)
        {
            return (fixedValue, ValueOrigin.Default);
        }

        if (input.Default?.Generate is { } rules)
        {
            return (SecretGenerator.Generate(rules, parameter), ValueOrigin.Generated);
        }

        throw new ComposeExportException(
            $"Parameter '{parameter}' has no value: pass --parameter {suppliedKey}=VALUE "
            + $"or set the environment variable Parameters__{suppliedKey}.");
    }

    /// <summary>Reserves a <c>.env</c> variable name, failing on a clash with one already given out.</summary>
    public void Claim(string variable, string owner)
    {
        if (ReservedPrefixes.Any(prefix => variable.StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw new ComposeExportException(
                $"'{owner}' would become the .env variable {variable}, which Compose reads as its own setting; "
                + "rename it in the AppHost.");
        }

        if (!variableOwners.TryAdd(variable, owner) && variableOwners[variable] != owner)
        {
            throw new ComposeExportException(
                $"'{owner}' and '{variableOwners[variable]}' would both become the .env variable {variable}; "
                + "rename one of them in the AppHost.");
        }
    }
}
