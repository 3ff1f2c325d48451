using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Contexts for read-heavy queries that tolerate replication lag (dashboards, public statistics): on PostgreSQL they connect
/// to <c>ConnectionStrings:PostgresReadOnly</c> (a streaming-replication hot standby) when it is set, else to the primary;
/// no tracking, and SaveChanges throws. Never use it where a user must see their own write (intake, tracking, actions).
/// </summary>
public sealed class ReadOnlyDb
{
    public const string ApplicationName = "motcua-readonly";

    private readonly Func<AppDbContext> _create;

    private ReadOnlyDb(Func<AppDbContext> create, bool usesStandby)
    {
        _create = create;
        UsesStandby = usesStandby;
    }

    /// <summary>True when reads go to a separate read-only server.</summary>
    public bool UsesStandby { get; }

    /// <summary>A new context; the caller disposes it.</summary>
    public AppDbContext Create() => _create();

    public static ReadOnlyDb ForPostgres(string primary, string? readOnly)
    {
        var cs = new NpgsqlConnectionStringBuilder(readOnly ?? primary) { ApplicationName = ApplicationName }.ToString();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(cs).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(new RefuseWrites(), Features.Dossiers.ComponentNames.Interceptor).Options;
        return new(() => new PostgresAppDbContext(options), readOnly is not null);
    }

    internal static ReadOnlyDb ForSqlite(string cs, IInterceptor pragmas)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(cs).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(pragmas, new RefuseWrites(), Features.Dossiers.ComponentNames.Interceptor).Options;
        return new(() => new SqliteAppDbContext(options), false);
    }

    private sealed class RefuseWrites : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("ReadOnlyDb contexts are for reads only.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("ReadOnlyDb contexts are for reads only.");
    }
}
