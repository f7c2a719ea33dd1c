namespace NewsPulse.Storage.Migrations;

/// <summary>One numbered, forward-only SQL script from sql/.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
