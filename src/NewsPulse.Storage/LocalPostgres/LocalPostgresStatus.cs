namespace NewsPulse.Storage.LocalPostgres;

/// <summary>What <c>newspulse db status</c> reports about the embedded cluster.</summary>
public sealed record LocalPostgresStatus(
    string DataDirectory,
    bool Initialized,
    bool Running,
    int? Port,
    int? ProcessId,
    string? ServerVersion,
    string? RunsAsUser);
