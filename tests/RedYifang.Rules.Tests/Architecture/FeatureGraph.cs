using Mono.Cecil;

namespace RedYifang.Rules.Tests.Architecture;

/// <summary>
/// Which feature uses which, read from a compiled assembly (not the source, so nothing a using directive hides or a
/// fully qualified name sneaks past is missed). A feature is the namespace segment after <c>root</c>
/// (<c>RedYifang.Functions.Orders.X</c> is <c>Orders</c>); a nested or compiler-generated type (a lambda's closure,
/// an async state machine) counts for the namespace of its outermost declaring type. Types outside any feature
/// (the root namespace's composition root, generated code) are skipped.
/// </summary>
public sealed class FeatureGraph
{
    private const int UsesKeptPerEdge = 3;
    private readonly string _root;
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    private FeatureGraph(string root) => _root = root;

    /// <summary>Every feature that declares at least one type.</summary>
    public SortedSet<string> Features { get; } = new(StringComparer.Ordinal);

    /// <summary>The features each feature uses (itself excluded).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Edges =>
        _edges.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value.Keys], StringComparer.Ordinal);

    /// <summary>A few of the type-to-type uses behind an edge, to say where to look (names relative to the root).</summary>
    public IReadOnlyList<string> Uses(string from, string to) => [.. AllUses(from, to).Take(UsesKeptPerEdge)];

    /// <summary>How many type-to-type uses make the edge.</summary>
    public int UseCount(string from, string to) => AllUses(from, to).Count;

    private SortedSet<string> AllUses(string from, string to) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var uses) ? uses : [];

    public static FeatureGraph Read(string assemblyPath, string root)
    {
        var resolver = new DefaultAssemblyResolver();
        // Enum-typed attribute arguments are decoded by resolving their assembly: the app's folder, the runtime, ASP.NET Core.
        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!);
        using var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { AssemblyResolver = resolver });
        var graph = new FeatureGraph(root);
        foreach (var type in module.GetTypes()) graph.Visit(type);
        return graph;
    }

    /// <summary>The feature a type belongs to, or null for a type outside <c>root</c>'s features.</summary>
    public string? FeatureOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        if (!type.Namespace.StartsWith(_root, StringComparison.Ordinal)) return null;
        var rest = type.Namespace[_root.Length..];
        return rest.Length == 0 ? null : rest.Split('.')[0];
    }

    private void Visit(TypeDefinition type)
    {
        var from = FeatureOf(type);
        if (from is null) return;
        if (type.DeclaringType is null) Features.Add(from);
        var use = new Use(this, from, type);

        use.Type(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            use.Type(i.InterfaceType);
            use.Attributes(i);
        }
        use.Attributes(type);
        use.GenericParameters(type);
        foreach (var field in type.Fields)
        {
            use.Type(field.FieldType);
            use.Attributes(field);
        }
        foreach (var property in type.Properties)
        {
            use.Type(property.PropertyType);
            use.Attributes(property);
            foreach (var p in property.Parameters) use.Type(p.ParameterType);
        }
        foreach (var e in type.Events)
        {
            use.Type(e.EventType);
            use.Attributes(e);
        }
        foreach (var method in type.Methods) use.Method(method);
    }

    private void Add(string from, TypeDefinition user, TypeReference used)
    {
        var to = FeatureOf(used);
        if (to is null || to == from) return;
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new(StringComparer.Ordinal);
        if (!targets.TryGetValue(to, out var uses)) targets[to] = uses = new(StringComparer.Ordinal);
        uses.Add($"{Outermost(user).FullName[_root.Length..]} uses {Outermost(used).FullName[_root.Length..]}");
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>Everything one type mentions: its signatures, attributes and method bodies.</summary>
    private sealed class Use(FeatureGraph graph, string from, TypeDefinition user)
    {
        public void Type(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;     // a generic parameter's constraints are visited where it is declared
                case GenericInstanceType generic:
                    Type(generic.ElementType);
                    foreach (var argument in generic.GenericArguments) Type(argument);
                    return;
                case FunctionPointerType pointer:
                    Signature(pointer);
                    return;
                case IModifierType modified:
                    Type(modified.ModifierType);
                    Type(modified.ElementType);
                    return;
                case TypeSpecification specification:   // arrays, pointers, by-reference, pinned, sentinel
                    Type(specification.ElementType);
                    return;
                default:
                    graph.Add(from, user, type);
                    return;
            }
        }

        public void Attributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                MethodReference(attribute.Constructor);
                foreach (var argument in attribute.ConstructorArguments) Argument(argument);
                foreach (var named in attribute.Fields.Concat(attribute.Properties)) Argument(named.Argument);
            }
        }

        public void GenericParameters(IGenericParameterProvider provider)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                Attributes(parameter);
                foreach (var constraint in parameter.Constraints)
                {
                    Type(constraint.ConstraintType);
                    Attributes(constraint);
                }
            }
        }

        public void Method(MethodDefinition method)
        {
            Signature(method);
            Attributes(method);
            Attributes(method.MethodReturnType);
            foreach (var p in method.Parameters) Attributes(p);
            GenericParameters(method);
            foreach (var overridden in method.Overrides) MethodReference(overridden);
            if (!method.HasBody) return;
            foreach (var variable in method.Body.Variables) Type(variable.VariableType);
            foreach (var handler in method.Body.ExceptionHandlers) Type(handler.CatchType);
            foreach (var instruction in method.Body.Instructions) Operand(instruction.Operand);
        }

        private void Operand(object? operand)
        {
            switch (operand)
            {
                case TypeReference type:
                    Type(type);
                    break;
                case MethodReference method:
                    MethodReference(method);
                    break;
                case FieldReference field:
                    Type(field.DeclaringType);
                    Type(field.FieldType);
                    break;
                case CallSite site:     // calli
                    Signature(site);
                    break;
            }
        }

        private void MethodReference(MethodReference method)
        {
            Type(method.DeclaringType);
            Signature(method);
            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments) Type(argument);
            }
        }

        private void Signature(IMethodSignature signature)
        {
            Type(signature.ReturnType);
            foreach (var p in signature.Parameters) Type(p.ParameterType);
        }

        private void Argument(CustomAttributeArgument argument)
        {
            Type(argument.Type);
            switch (argument.Value)
            {
                case TypeReference type:        // typeof(X) in an attribute
                    Type(type);
                    break;
                case CustomAttributeArgument boxed:
                    Argument(boxed);
                    break;
                case CustomAttributeArgument[] array:
                    foreach (var element in array) Argument(element);
                    break;
            }
        }
    }
}
