using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RedYifang.LocalHost;

/// <summary>
/// Calls a function method as the isolated worker does: a new instance of its class per invocation, from the
/// invocation's service scope (constructor injection), with each parameter bound by the trigger.
/// </summary>
public sealed partial class FunctionInvoker(ILogger<FunctionInvoker> logger)
{
    /// <summary>Supplies a parameter's value, or <see cref="Unbound"/> when the trigger cannot bind it.</summary>
    public delegate object? ParameterBinder(ParameterInfo parameter);

    public static readonly object Unbound = new();

    public async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider services, string reason, ParameterBinder bind)
    {
        var invocationId = Guid.NewGuid();
        LogExecuting(function.Name, reason, invocationId);
        var clock = Stopwatch.StartNew();
        try
        {
            var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Type);
            var arguments = function.Method.GetParameters().Select(p => BindOrFail(function, p, bind)).ToArray();
            var result = await UnwrapAsync(function.Method.Invoke(target, arguments));
            LogExecuted(function.Name, "Succeeded", invocationId, clock.ElapsedMilliseconds);
            return result;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            LogExecuted(function.Name, "Failed", invocationId, clock.ElapsedMilliseconds);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        catch
        {
            LogExecuted(function.Name, "Failed", invocationId, clock.ElapsedMilliseconds);
            throw;
        }
    }

    /// <summary>Converts a string (route value, binding data) to the parameter's type.</summary>
    public static object? Convert(string? value, Type type)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) ? value : TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
    }

    private static object? BindOrFail(FunctionDescriptor function, ParameterInfo parameter, ParameterBinder bind)
    {
        var value = bind(parameter);
        if (!ReferenceEquals(value, Unbound)) return value;
        if (parameter.HasDefaultValue) return parameter.DefaultValue;
        throw new NotSupportedException(
            $"{function.Name}: the local host cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType.Name}.");
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result ? result.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})")]
    private partial void LogExecuting(string function, string reason, Guid invocationId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Executed 'Functions.{Function}' ({Outcome}, Id={InvocationId}, Duration={Milliseconds}ms)")]
    private partial void LogExecuted(string function, string outcome, Guid invocationId, long milliseconds);
}
