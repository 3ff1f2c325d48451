using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Indicators;
using Npgsql;

namespace MotCua.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The provider and the connection string the app's contexts use (with the defaults of <see cref="DatabaseSetup"/> applied).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);

public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(config["Database:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (Provider(config) == DatabaseProvider.Postgres)
        {
            var cs = PostgresConnectionString(config.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider=Postgres needs ConnectionStrings:Postgres (env ConnectionStrings__Postgres)."));
            builder.Services.AddSingleton(new DatabaseConnection(DatabaseProvider.Postgres, cs));
            // Pooled: a request reuses a context and its internal services instead of building them (and the options) anew.
            // Owned by the container: stopping the host closes the app's connections (a test database can then serve as a template).
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(cs));
            builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
                .AddInterceptors(new AppendOnlyHistory(), new MaxLengthGuard(), new Features.NationalPortal.NationalSyncMarker(), new Features.Dossiers.DossierWebhooks(sp.GetRequiredService<Features.Webhooks.WebhookSubscriptions>()), new AggregatesInterceptor(), Features.Dossiers.ComponentNames.Interceptor));
            builder.Services.AddSingleton(ReadOnlyDb.ForPostgres(cs, config.GetConnectionString("PostgresReadOnly") is { } standby ? PostgresConnectionString(standby) : null));
        }
        else
        {
            var cs = SqliteConnectionString(config, builder.Environment.ContentRootPath);
            builder.Services.AddSingleton(new DatabaseConnection(DatabaseProvider.Sqlite, cs));
            builder.Services.AddSingleton<SqliteWriteGate>();
            builder.Services.AddSingleton(sp => new SqliteCheckpointer(cs, sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqlite(cs)
                .AddInterceptors(new SqlitePragmas(sp.GetRequiredService<SqliteCheckpointer>()), new AppendOnlyHistory(), new MaxLengthGuard(), new Features.NationalPortal.NationalSyncMarker(), new Features.Dossiers.DossierWebhooks(sp.GetRequiredService<Features.Webhooks.WebhookSubscriptions>()), new AggregatesInterceptor(), Features.Dossiers.ComponentNames.Interceptor, sp.GetRequiredService<SqliteWriteGate>()));
            builder.Services.AddSingleton(ReadOnlyDb.ForSqlite(cs, new SqlitePragmas()));
        }

        return builder;
    }

    /// <summary>
    /// Npgsql settings measured on the tracking and intake paths (docs/decisions/0019-npgsql-settings.md), applied only where the
    /// configured string does not set them: statements used again and again are prepared once per physical connection, and a
    /// connection returned to the pool is not reset (the app keeps no session state: no SET, temporary tables or session locks).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var csb = new NpgsqlConnectionStringBuilder(configured);
        if (!Sets(configured, "Max Auto Prepare"))
        {
            csb.MaxAutoPrepare = 64;
        }

        if (!Sets(configured, "No Reset On Close"))
        {
            csb.NoResetOnClose = true;
        }

        return csb.ToString();
    }

    /// <summary>Whether the connection string names this keyword (Npgsql accepts it with or without spaces, in any case).</summary>
    internal static bool Sets(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), keyword.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    /// <summary>The embedded database lives in a data folder (created on demand) beside the content root unless configured.</summary>
    internal static string SqliteConnectionString(IConfiguration config, string contentRoot)
    {
        var configured = config.GetConnectionString("Sqlite");
        var csb = new SqliteConnectionStringBuilder(configured ?? "Data Source=data/motcua.db");
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL persists in the file: readers never block the single writer.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        // Migrate also diffs the last snapshot against the model (EF Core 9's pending-changes check), about a second of a
        // restart: skipped when the history table already lists every migration (the migration tests cover the model's drift).
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }

        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? PostgresAppendOnly : SqliteAppendOnly, ct);
        if (db.Database.IsSqlite())
        {
            // Table rebuilds in migrations switch foreign_keys off and on: later requests start from fresh physical connections.
            SqliteConnection.ClearAllPools();
        }
    }

    // History is append-only in the database too, whoever connects; idempotent so that it survives migration rewrites.
    private const string SqliteAppendOnly = """
        CREATE TRIGGER IF NOT EXISTS "DossierEvents_no_update" BEFORE UPDATE ON "DossierEvents" BEGIN SELECT RAISE(ABORT, 'dossier history is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS "DossierEvents_no_delete" BEFORE DELETE ON "DossierEvents" BEGIN SELECT RAISE(ABORT, 'dossier history is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS "DocumentEvents_no_update" BEFORE UPDATE ON "DocumentEvents" BEGIN SELECT RAISE(ABORT, 'document history is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS "DocumentEvents_no_delete" BEFORE DELETE ON "DocumentEvents" BEGIN SELECT RAISE(ABORT, 'document history is append-only'); END;
        """;

    private const string PostgresAppendOnly = """
        CREATE OR REPLACE FUNCTION motcua_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'dossier history is append-only'; END $$;
        DROP TRIGGER IF EXISTS "DossierEvents_append_only" ON "DossierEvents";
        CREATE TRIGGER "DossierEvents_append_only" BEFORE UPDATE OR DELETE ON "DossierEvents" FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
        DROP TRIGGER IF EXISTS "DocumentEvents_append_only" ON "DocumentEvents";
        CREATE TRIGGER "DocumentEvents_append_only" BEFORE UPDATE OR DELETE ON "DocumentEvents" FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
        """;

    /// <summary>
    /// Per-connection SQLite settings: durable commits in WAL mode and enforced foreign keys. They belong to the physical
    /// connection, which the pool keeps open across opens, so they run once per physical connection, not on every open.
    /// </summary>
    internal sealed class SqlitePragmas(SqliteCheckpointer? checkpointer = null) : DbConnectionInterceptor
    {
        private const string BaseSql = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

        private string Sql => checkpointer is { Running: true } ? BaseSql + " PRAGMA wal_autocheckpoint=0;" : BaseSql;

        private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (Configured(connection))
            {
                return;
            }

            using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            cmd.ExecuteNonQuery();
            Remember(connection);
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Configured(connection))
            {
                return;
            }

            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Sql;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }

        private bool Configured(DbConnection connection) => connection is SqliteConnection { Handle: { } h } && _configured.TryGetValue(h, out _);

        private void Remember(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } h })
            {
                _configured.AddOrUpdate(h, this);
            }
        }
    }
}
