using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace RedYifang.LocalHost;

/// <summary>A function of the served app: its metadata and the method its entry point names.</summary>
public sealed record FunctionDescriptor(FunctionMetadata Metadata, Type Type, MethodInfo Method)
{
    public string Name => Metadata.Name;
    public BindingMetadata Trigger => Metadata.Trigger;

    public static FunctionDescriptor Resolve(FunctionMetadata metadata, Assembly assembly)
    {
        var split = metadata.EntryPoint.LastIndexOf('.');
        var type = assembly.GetType(metadata.EntryPoint[..split])
            ?? throw new InvalidOperationException($"{metadata.Name}: type of entry point {metadata.EntryPoint} not found.");
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == metadata.EntryPoint[(split + 1)..]
                                  && m.GetCustomAttribute<FunctionAttribute>()?.Name == metadata.Name)
            ?? throw new InvalidOperationException($"{metadata.Name}: method of entry point {metadata.EntryPoint} not found.");
        return new FunctionDescriptor(metadata, type, method);
    }
}
