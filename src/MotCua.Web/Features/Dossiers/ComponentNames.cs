using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Features.Procedures;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A dossier's component that is in its procedure version's required-documents list stores only its position there
/// (issue 25 item 5: the legal text is ~400 bytes a component, 24 components a dossier); its name is read back from the
/// list when the row is loaded. A version's list never changes once saved (a change opens a new version), so the lists
/// are cached per database by version id (one process may open several databases: the tests do, and their ids collide).
/// A loaded or new dossier carries its own list (<see cref="Dossier.ComponentList"/>), so packing needs no cache.
/// </summary>
public sealed class ComponentNames : IMaterializationInterceptor, ISaveChangesInterceptor
{
    public static readonly ComponentNames Interceptor = new();

    private static readonly ConcurrentDictionary<string, Catalog> Catalogs = new(StringComparer.Ordinal);

    /// <summary>The lists and the procedure name of each version of one database.</summary>
    private sealed class Catalog
    {
        public readonly ConcurrentDictionary<int, string[]> Lists = new();
        public readonly ConcurrentDictionary<int, string> Names = new();
    }

    /// <summary>A new dossier takes its version's list; each component is pointed at the entry of the same name.</summary>
    public static void Link(Dossier dossier, Procedure procedure)
    {
        dossier.ComponentList = [.. procedure.Documents.Select(d => d.Name)];
        foreach (var doc in dossier.Documents)
        {
            Link(doc, dossier);
        }
    }

    /// <summary>Points <paramref name="doc"/> at the dossier's list entry of the same name; a name not in it stays stored.</summary>
    public static void Link(DossierDocument doc, Dossier dossier)
    {
        var index = dossier.ComponentList is { } names ? Array.IndexOf(names, doc.Name) : -1;
        (doc.ProcedureId, doc.Item) = index is >= 0 and <= short.MaxValue ? (dossier.ProcedureId, (short)index) : ((int?)null, (short?)null);
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Procedure p && p.Id > 0)
        {
            // Only the name: the owned document list is filled after this call, so the lists are read by Load.
            For(materializationData.Context).Names[p.Id] = p.Name;
        }
        else if (entity is Dossier d)
        {
            var catalog = For(materializationData.Context);
            d.ComponentList = catalog.Lists.TryGetValue(d.ProcedureId, out var list) ? list : Load(materializationData.Context, catalog, d.ProcedureId);
            if (d.OwnProcedureName is null)
            {
                // A version that is gone (never: versions are immutable and referenced) shows its id rather than nothing.
                d.ProcedureName = catalog.Names.TryGetValue(d.ProcedureId, out var name) ? name : $"#{d.ProcedureId}";
                d.ProcedureNameFromVersion = true;
            }
        }
        else if (entity is DossierDocument { Item: { } item, ProcedureId: { } procedureId } doc)
        {
            var catalog = For(materializationData.Context);
            var names = catalog.Lists.TryGetValue(procedureId, out var cached) ? cached : Load(materializationData.Context, catalog, procedureId);
            // A list entry that is gone (never, as versions are immutable) shows its position rather than nothing.
            doc.Name = item < names.Length ? names[item] : $"#{item + 1}";
        }

        return entity;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Pack(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Pack(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// Writes back the components of every dossier whose list was read or set: a new one, or one loaded with its rows (one
    /// loaded without them would lose its rows' places).
    /// </summary>
    private static void Pack(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Dossier>().ToList())
        {
            if (entry.State == EntityState.Added || entry.State != EntityState.Deleted && entry.Collection(d => d.DocumentRows).IsLoaded)
            {
                entry.Entity.PackDocuments();
            }
        }
    }

    private static Catalog For(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        return Catalogs.GetOrAdd(connection.DataSource + "\n" + connection.Database, _ => new Catalog());
    }

    /// <summary>
    /// A version this process has not seen yet, read while the dossier's own reader is still open: SQLite runs a second
    /// command on the same connection, PostgreSQL needs a connection of its own (cloned, so with the same credentials).
    /// </summary>
    private static string[] Load(DbContext context, Catalog catalog, int procedureId)
    {
        var connection = context.Database.GetDbConnection();
        var own = connection is ICloneable cloneable && connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
            ? (DbConnection)cloneable.Clone()
            : null;
        try
        {
            var c = own ?? connection;
            if (c.State != System.Data.ConnectionState.Open)
            {
                c.Open();
            }

            using var cmd = c.CreateCommand();
            if (own is null)
            {
                cmd.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
            }

            cmd.CommandText = "SELECT \"Documents\", \"Name\" FROM \"Procedures\" WHERE \"Id\" = @id";
            var id = cmd.CreateParameter();
            id.ParameterName = "@id";
            id.Value = procedureId;
            cmd.Parameters.Add(id);
            using var reader = cmd.ExecuteReader();
            var json = reader.Read() && !reader.IsDBNull(0) ? reader.GetString(0) : null;
            if (json is not null)
            {
                catalog.Names[procedureId] = reader.GetString(1);
            }

            string[] names = json is null ? [] : [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(d => d.GetProperty("Name").GetString() ?? "")];
            return json is null ? names : catalog.Lists[procedureId] = names;
        }
        finally
        {
            own?.Dispose();
        }
    }
}
