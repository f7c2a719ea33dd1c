namespace NewsPulse.Storage.LocalPostgres;

/// <summary>What NewsPulse must remember about its embedded cluster between runs (cluster.json, readable by its owner only).</summary>
internal sealed record ClusterState(int Port, string User, string Password, string Database);
