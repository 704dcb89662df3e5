// Features of this test assembly under RedYifang.Rules.Tests.Architecture.Samples, for FeatureGraphTests: each
// one uses Target in one way only, so the reader is shown to see that way. None of it runs.

namespace RedYifang.Rules.Tests.Architecture.Samples
{
    /// <summary>Outside any feature (the root of the samples): what carries a use without being one.</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
    public sealed class AboutAttribute(object value) : Attribute
    {
        public object Value { get; } = value;
    }

    public static class Generic
    {
        public static T? Nothing<T>() => default;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.Target
{
    public sealed class Thing;

    public class BaseThing;

    public interface IThing;

    public enum Kind { One, Two }

    [AttributeUsage(AttributeTargets.All)]
    public sealed class MarkAttribute : Attribute;

    // A sample type for the dependency reader, not an exception anyone throws: the standard constructors would only add noise.
#pragma warning disable RCS1194
    public sealed class Failure : Exception;
#pragma warning restore RCS1194

    public static class Statics
    {
        public static int Count;

        public static void Call() => Count++;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.NoUse
{
    public static class Plain
    {
        public static int One() => 1;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByBase
{
    public sealed class Derived : Target.BaseThing;
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByInterface
{
    public sealed class Implementing : Target.IThing;
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByField
{
    public sealed class Holding
    {
        public Target.Thing? Field;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByProperty
{
    public sealed class Exposing
    {
        public Target.Thing? Property => null;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByParameter
{
    public static class Taking
    {
        public static void Take(Target.Thing? thing)
        {
        }
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByReturn
{
    public static class Giving
    {
        public static Target.Thing? Give() => null;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByGenericArgument
{
    public sealed class Listing
    {
        public object? Things;

        public bool Empty() => Things is IReadOnlyList<Target.Thing> { Count: 0 };
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByGenericMethodArgument
{
    public static class Calling
    {
        public static object? Call() => Generic.Nothing<Target.Thing>();
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByConstraint
{
    public static class Constrained
    {
        public static int Count<T>(T[] items) where T : Target.IThing => items.Length;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByAttribute
{
    [Target.Mark]
    public sealed class Marked;
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByTypeofInAttribute
{
    [About(typeof(Target.Thing))]
    public sealed class Described;
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByEnumInAttribute
{
    [About(Target.Kind.Two)]
    public sealed class Described;
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByLocal
{
    public static class Keeping
    {
        // Written once and read twice, so the compiler keeps the local rather than leave the value on the stack.
        public static void Keep()
        {
            Target.Thing? local = null;
            GC.KeepAlive(local);
            GC.KeepAlive(local);
        }
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByTypeof
{
    public static class Naming
    {
        public static Type Named() => typeof(Target.Thing);
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByConstruction
{
    public static class Making
    {
        public static object Make() => new Target.Thing();
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByStaticCall
{
    public static class Calling
    {
        public static void Call() => Target.Statics.Call();
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByStaticField
{
    public static class Reading
    {
        public static int Read() => Target.Statics.Count;
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByCatch
{
    public static class Catching
    {
        public static bool Try(Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (Target.Failure)
            {
                return false;
            }
        }
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByNestedType
{
    public static class Outer
    {
        public sealed class Inner
        {
            public Target.Thing? Field;
        }
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByLambda
{
    public static class Deferring
    {
        // The lambda's body is a method of a compiler-generated class nested in Deferring.
        public static Func<object> Later() => () => new Target.Thing();
    }
}

namespace RedYifang.Rules.Tests.Architecture.Samples.ByAsync
{
    public static class Waiting
    {
        // After the await the body is a compiler-generated state machine nested in Waiting.
        public static async Task<int> Wait()
        {
            await Task.Yield();
            return new Target.Thing().GetHashCode();
        }
    }
}
