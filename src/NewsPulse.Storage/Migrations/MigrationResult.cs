namespace NewsPulse.Storage.Migrations;

/// <summary>What a migration run did: the scripts it applied now, and how many were already in place.</summary>
public sealed record MigrationResult(IReadOnlyList<Migration> Applied, int AlreadyApplied);
