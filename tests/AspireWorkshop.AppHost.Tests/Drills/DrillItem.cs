namespace AspireWorkshop.AppHost.Tests.Drills;

/// <summary>An item as the drills read it from the Api's JSON.</summary>
public sealed record DrillItem(Guid Id, string Name, bool Completed);
