using System.Globalization;

namespace AspireWorkshop.Bench.InMemoryItems;

/// <summary>The Api's item shape, so both serialise the same bytes.</summary>
public sealed record TodoItem(Guid Id, string Name, bool Completed)
{
    /// <summary>The item api-bench.sh seeds as number <paramref name="number"/>.</summary>
    public static TodoItem Seeded(int number) =>
        new(Guid.CreateVersion7(), string.Create(CultureInfo.InvariantCulture, $"bench item {number}"), false);
}
