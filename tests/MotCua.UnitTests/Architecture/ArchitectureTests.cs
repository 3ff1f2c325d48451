using Mono.Cecil;

namespace MotCua.UnitTests.Architecture;

/// <summary>
/// The rules of ADR 0001 that a reviewer would otherwise have to remember: read from the compiled assemblies (Mono.Cecil),
/// so that a dependency hidden in a lambda, an async state machine or a compiled Razor view counts too.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Every dependency allowed between feature folders, "from -> to". A new edge is a decision: add it here only if it makes
    /// no new cycle (checked below); else move the shared piece to its owner or let the owner declare an interface.
    /// </summary>
    private static readonly string[] AllowedEdges =
    [
        "Accounts -> Organisation",
        "Accounts -> Security",
        "Alarms -> Accounts",
        "Alarms -> Calendar",
        "Alarms -> Documents",
        "Alarms -> Dossiers",
        "Alarms -> Notifications",
        "Alarms -> Operations",
        "Alarms -> Organisation",
        "Assisted -> Dossiers",
        "Assisted -> Notifications",
        "Assisted -> Organisation",
        "Assisted -> Procedures",
        "Calendar -> Organisation",
        "Demo -> Accounts",
        "Demo -> Calendar",
        "Demo -> Indicators",
        "Demo -> Organisation",
        "Demo -> Procedures",
        "Demo -> Queue",
        "Demo -> ReformPlan",
        "Documents -> Accounts",
        "Documents -> Calendar",
        "Documents -> Files",
        "Documents -> Forms",
        "Documents -> Notifications",
        "Documents -> Operations",
        "Documents -> Organisation",
        "Documents -> Signing",
        "Dossiers -> Calendar",
        "Dossiers -> CitizenData",
        "Dossiers -> Files",
        "Dossiers -> Forms",
        "Dossiers -> Indicators",
        "Dossiers -> Notifications",
        "Dossiers -> Operations",
        "Dossiers -> Organisation",
        "Dossiers -> Procedures",
        "Dossiers -> Queue",
        "Dossiers -> Webhooks",
        "Dossiers -> Security",
        "Feedback -> Calendar",
        "Feedback -> Dossiers",
        "Feedback -> Indicators",
        "Feedback -> Organisation",
        "Indicators -> Documents",
        "Indicators -> Dossiers",
        "Indicators -> Forms",
        "Indicators -> Organisation",
        "Indicators -> Procedures",
        "Meetings -> Accounts",
        "Meetings -> Alarms",
        "Meetings -> Files",
        "Meetings -> Forms",
        "Meetings -> Indicators",
        "Meetings -> Notifications",
        "Meetings -> Organisation",
        "Meetings -> Signing",
        "NationalPortal -> Accounts",
        "NationalPortal -> Dossiers",
        "NationalPortal -> Files",
        "NationalPortal -> Notifications",
        "NationalPortal -> Operations",
        "NationalPortal -> Organisation",
        "NationalPortal -> Procedures",
        "Notifications -> Operations",
        "Payments -> Dossiers",
        "Payments -> Forms",
        "Payments -> Operations",
        "Payments -> Organisation",
        "Portal -> Accounts",
        "Portal -> CitizenData",
        "Portal -> Dossiers",
        "Portal -> Files",
        "Portal -> Notifications",
        "Portal -> Organisation",
        "Portal -> Procedures",
        "Portal -> Tracking",
        "Procedures -> Organisation",
        "Queue -> Calendar",
        "Queue -> Notifications",
        "Queue -> Operations",
        "Queue -> Organisation",
        "Queue -> Procedures",
        "ReformPlan -> Accounts",
        "ReformPlan -> Dossiers",
        "ReformPlan -> Files",
        "ReformPlan -> Forms",
        "ReformPlan -> Indicators",
        "ReformPlan -> Organisation",
        "Results -> Dossiers",
        "Results -> Files",
        "Results -> Forms",
        "Results -> Organisation",
        "Results -> Procedures",
        "Results -> Signing",
        "Shared -> Organisation",
        "Tracking -> Calendar",
        "Tracking -> Dossiers",
        "Tracking -> Notifications",
        "Webhooks -> Accounts",
        "Webhooks -> Notifications",
        "Webhooks -> Organisation",
        "Webhooks -> Security",
        "Workspace -> Accounts",
        "Workspace -> Alarms",
        "Workspace -> Calendar",
        "Workspace -> Dossiers",
        "Workspace -> Organisation",
        "Workspace -> Queue",
        "Workspace -> ReformPlan",
        "Workspace -> Results",
    ];

    /// <summary>
    /// The one cycle accepted, with its reason: the indicators read the dossiers, and the dossiers' writers add their
    /// contribution to the indicator aggregates in the same transaction (ADR 0009). Any other strongly connected group fails.
    /// </summary>
    private static readonly string[][] AcceptedCycles = [["Dossiers", "Indicators"]];

    private static readonly Lazy<WebAssembly> Web = new(() => new WebAssembly(AssemblyPath("MotCua.Web")));

    [Fact]
    public void Feature_folders_depend_only_on_the_listed_edges()
    {
        var actual = Web.Value.FeatureEdges();
        var allowed = AllowedEdges.ToHashSet(StringComparer.Ordinal);
        var unexpected = actual.Keys.Where(e => !allowed.Contains(e)).Order(StringComparer.Ordinal)
            .Select(e => $"{e}   (e.g. {actual[e]})").ToArray();
        var stale = allowed.Where(e => !actual.ContainsKey(e)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(unexpected.Length == 0, "Dependencies between feature folders not in AllowedEdges:\n" + string.Join('\n', unexpected));
        Assert.True(stale.Length == 0, "AllowedEdges lists dependencies that no longer exist (remove them):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void The_allowed_feature_edges_make_no_cycle_but_the_accepted_one()
    {
        var accepted = AcceptedCycles.Select(c => string.Join(", ", c.Order(StringComparer.Ordinal))).ToHashSet(StringComparer.Ordinal);
        var cycles = StronglyConnected(AllowedEdges.Select(Parse))
            .Select(c => string.Join(", ", c.Order(StringComparer.Ordinal))).Where(c => !accepted.Contains(c)).ToArray();
        Assert.True(cycles.Length == 0, "Dependency cycles between feature folders: " + string.Join(" | ", cycles));
    }

    [Fact]
    public void Cycle_finder_finds_each_cycle_and_accepts_a_chain()
    {
        var groups = StronglyConnected([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E"), ("E", "D")])
            .Select(g => string.Join("", g.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        Assert.Equal(["ABC", "DE"], groups);
        Assert.Empty(StronglyConnected([("A", "B"), ("B", "C"), ("A", "C")]));
    }

    [Fact]
    public void Page_models_use_no_http_result_types_and_call_no_api_class()
    {
        var offences = Web.Value.PageModelOffences();
        Assert.True(offences.Length == 0, "Page models translate handler outcomes into page state, not HTTP results:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Every_feature_folder_has_tests()
    {
        var root = RepositoryRoot();
        var tested = new[] { "tests/MotCua.UnitTests", "tests/MotCua.UnitTests/Features", "tests/MotCua.IntegrationTests/Features", "tests/MotCua.BrowserTests/Features" }
            .Select(p => Path.Combine(root, p)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => Directory.EnumerateFiles(d, "*Tests.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var untested = Directory.EnumerateDirectories(Path.Combine(root, "src/MotCua.Web/Features"))
            .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName).Where(f => !tested.Contains(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(untested.Length == 0, "Feature folders without a test folder of the same name: " + string.Join(", ", untested));
    }

    [Fact]
    public void The_domain_project_references_nothing_but_the_base_library()
    {
        using var domain = AssemblyDefinition.ReadAssembly(AssemblyPath("MotCua.Domain"));
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var foreign = domain.MainModule.AssemblyReferences
            .Where(r => !File.Exists(Path.Combine(runtime, r.Name + ".dll")) || r.Name.StartsWith("Microsoft.", StringComparison.Ordinal))
            .Select(r => r.Name).ToArray();
        Assert.True(foreign.Length == 0, "MotCua.Domain references: " + string.Join(", ", foreign));

        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/MotCua.Domain/MotCua.Domain.csproj"));
        Assert.DoesNotContain("PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("FrameworkReference", project, StringComparison.Ordinal);
    }

    private static (string From, string To) Parse(string edge)
    {
        var parts = edge.Split("->", StringSplitOptions.TrimEntries);
        return (parts[0], parts[1]);
    }

    /// <summary>The groups of two or more folders that all reach each other (Tarjan's strongly connected components).</summary>
    internal static List<string[]> StronglyConnected(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToArray());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var groups = new List<string[]>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in next.GetValueOrDefault(v, []))
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    groups.Add([.. group]);
                }
            }
        }

        foreach (var v in next.Keys.Order(StringComparer.Ordinal).Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return groups;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above " + AppContext.BaseDirectory);
    }

    // The project references MotCua.Web for build order only: its assembly is read from its own output folder (artifacts/bin/<project>/<config>).
    private static string AssemblyPath(string project)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(here.Parent!.Parent!.FullName, project, here.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first", path);
    }

    private sealed class WebAssembly(string path)
    {
        private const string FeaturesNamespace = "MotCua.Web.Features.";
        private const string ViewPrefix = "Features_";
        private readonly ModuleDefinition module = ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = Resolver(path) });

        // Attribute arguments of enum types are read from their assemblies: the app's folder and the two shared frameworks.
        private static DefaultAssemblyResolver Resolver(string path)
        {
            var resolver = new DefaultAssemblyResolver();
            var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
            resolver.AddSearchDirectory(Path.GetDirectoryName(path));
            resolver.AddSearchDirectory(runtime.FullName);
            var aspnet = new DirectoryInfo(Path.Combine(runtime.Parent!.Parent!.FullName, "Microsoft.AspNetCore.App"));
            foreach (var version in aspnet.Exists ? aspnet.EnumerateDirectories() : [])
            {
                resolver.AddSearchDirectory(version.FullName);
            }

            return resolver;
        }

        /// <summary>Each edge "from -> to" between feature folders, with one place that makes it.</summary>
        public Dictionary<string, string> FeatureEdges()
        {
            var edges = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var type in module.Types)
            {
                if (FolderOf(type) is not { } from)
                {
                    continue;
                }

                foreach (var (used, where) in References(type))
                {
                    if (FolderOf(used) is { } to && to != from)
                    {
                        edges.TryAdd($"{from} -> {to}", $"{where} uses {used.FullName}");
                    }
                }
            }

            return edges;
        }

        public string[] PageModelOffences()
        {
            var offences = new List<string>();
            foreach (var type in module.Types.Where(IsPageModel))
            {
                foreach (var (used, where) in References(type))
                {
                    var ns = Outermost(used).Namespace;
                    if (ns == "Microsoft.AspNetCore.Http.HttpResults"
                        || used.FullName is "Microsoft.AspNetCore.Http.IResult" or "Microsoft.AspNetCore.Http.TypedResults" or "Microsoft.AspNetCore.Http.Results")
                    {
                        offences.Add($"{where} uses {used.FullName}");
                    }
                    else if (ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal) && Outermost(used).Name.EndsWith("Api", StringComparison.Ordinal))
                    {
                        offences.Add($"{where} calls {used.FullName}");
                    }
                }
            }

            return [.. offences.Distinct().Order(StringComparer.Ordinal)];
        }

        private bool IsPageModel(TypeDefinition type)
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = module.GetType(baseType.FullName)?.BaseType)
            {
                if (baseType.FullName == "Microsoft.AspNetCore.Mvc.RazorPages.PageModel")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The feature folder of a type: its namespace under Features, or a compiled view's name (Features_Dossiers_Details).</summary>
        private static string? FolderOf(TypeReference type)
        {
            var outer = Outermost(type);
            if (outer.Namespace.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
            {
                return outer.Namespace[FeaturesNamespace.Length..].Split('.')[0];
            }

            if (outer.Namespace == "AspNetCoreGeneratedDocument" && outer.Name.StartsWith(ViewPrefix, StringComparison.Ordinal))
            {
                var rest = outer.Name[ViewPrefix.Length..];
                var end = rest.IndexOf('_', StringComparison.Ordinal);
                return end > 0 ? rest[..end] : null; // a view directly under Features/ (the home page) belongs to no folder
            }

            return null;
        }

        private static TypeReference Outermost(TypeReference type)
        {
            type = type.GetElementType();
            while (type.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            return type;
        }

        /// <summary>Every type a type and its nested types (lambdas, state machines) mention: signatures, attributes and method bodies.</summary>
        private static List<(TypeReference Used, string Where)> References(TypeDefinition type)
        {
            var found = new List<(TypeReference Used, string Where)>();
            void Add(TypeReference? t, string where)
            {
                switch (t)
                {
                    case null:
                        return;
                    case GenericInstanceType g:
                        Add(g.ElementType, where);
                        foreach (var a in g.GenericArguments)
                        {
                            Add(a, where);
                        }

                        return;
                    case TypeSpecification s:
                        Add(s.ElementType, where);
                        return;
                    case GenericParameter:
                        return;
                    default:
                        found.Add((t, where));
                        return;
                }
            }

            void AddMethod(MethodReference m, string where)
            {
                Add(m.DeclaringType, where);
                Add(m.ReturnType, where);
                foreach (var p in m.Parameters)
                {
                    Add(p.ParameterType, where);
                }

                if (m is GenericInstanceMethod gm)
                {
                    foreach (var a in gm.GenericArguments)
                    {
                        Add(a, where);
                    }
                }
            }

            void AddAttributes(ICustomAttributeProvider provider, string where)
            {
                foreach (var a in provider.CustomAttributes)
                {
                    Add(a.AttributeType, where);
                    foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)))
                    {
                        if (arg.Value is TypeReference t)
                        {
                            Add(t, where);
                        }
                    }
                }
            }

            void Walk(TypeDefinition t)
            {
                var name = Outermost(t).FullName;
                Add(t.BaseType, name);
                foreach (var i in t.Interfaces)
                {
                    Add(i.InterfaceType, name);
                }

                AddAttributes(t, name);
                foreach (var f in t.Fields)
                {
                    Add(f.FieldType, name);
                    AddAttributes(f, name);
                }

                foreach (var p in t.Properties)
                {
                    Add(p.PropertyType, name);
                    AddAttributes(p, name);
                }

                foreach (var m in t.Methods)
                {
                    var where = $"{name}.{(t.Name.Contains('<', StringComparison.Ordinal) ? t.Name : m.Name)}";
                    AddMethod(m, where);
                    AddAttributes(m, where);
                    if (!m.HasBody)
                    {
                        continue;
                    }

                    foreach (var v in m.Body.Variables)
                    {
                        Add(v.VariableType, where);
                    }

                    foreach (var instruction in m.Body.Instructions)
                    {
                        switch (instruction.Operand)
                        {
                            case TypeReference tr:
                                Add(tr, where);
                                break;
                            case MethodReference mr:
                                AddMethod(mr, where);
                                break;
                            case FieldReference fr:
                                Add(fr.DeclaringType, where);
                                Add(fr.FieldType, where);
                                break;
                        }
                    }
                }

                foreach (var nested in t.NestedTypes)
                {
                    Walk(nested);
                }
            }

            Walk(type);
            return found;
        }
    }
}
