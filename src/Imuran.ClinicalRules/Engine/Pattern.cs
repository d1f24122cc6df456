using System;

namespace Imuran.ClinicalRules.Engine;

/// <summary>How a pattern takes part in a match.</summary>
internal enum PatternMode
{
    /// <summary>Binds each fact that passes the test; the rule fires per combination.</summary>
    Match = 0,

    /// <summary>Holds when no fact passes the test; binds nothing.</summary>
    Not = 1,

    /// <summary>Holds when at least one fact passes; binds nothing (the rule fires once for any number).</summary>
    Exists = 2,
}

/// <summary>Facts bound so far in a match, by pattern position.</summary>
internal readonly struct Bindings
{
    private readonly object?[] _slots;

    public Bindings(object?[] slots) => _slots = slots;

    /// <summary>The fact bound at pattern <paramref name="index"/>.</summary>
    public T Get<T>(int index) => (T)_slots[index]!;
}

/// <summary>One condition of a rule: a fact type and a test, possibly joined to earlier bindings.</summary>
internal sealed class Pattern
{
    private readonly PatternTest _test;

    public Pattern(Type factType, PatternMode mode, string description, Func<object, Bindings, bool> test)
        : this(factType, mode, description, new UntypedTest(test))
    {
    }

    /// <summary>A pattern whose test calls the rule's typed lambda directly (one virtual call, one delegate call).</summary>
    public Pattern(Type factType, PatternMode mode, string description, PatternTest test)
    {
        FactType = factType;
        Mode = mode;
        Description = description;
        _test = test;
    }

    public Type FactType { get; }

    public PatternMode Mode { get; }

    public string Description { get; }

    /// <summary>Set when the rule set is compiled: the index of <see cref="FactType"/> in the session's fact store.</summary>
    public int TypeIndex { get; set; } = -1;

    public bool Test(object fact, object?[] slots) => _test.Test(fact, slots);
}

/// <summary>A pattern's test of one fact against the bindings so far.</summary>
internal abstract class PatternTest
{
    public abstract bool Test(object fact, object?[] slots);
}

/// <summary>Holds for every fact of the type.</summary>
internal sealed class AnyFact : PatternTest
{
    public static readonly AnyFact Instance = new();

    public override bool Test(object fact, object?[] slots) => true;
}

/// <summary>A test of the fact alone.</summary>
internal sealed class FactTest<T> : PatternTest
    where T : class
{
    private readonly Func<T, bool> _test;

    public FactTest(Func<T, bool> test) => _test = test;

    public override bool Test(object fact, object?[] slots) => _test((T)fact);
}

/// <summary>A test of the fact joined to earlier bindings.</summary>
internal sealed class JoinedTest<T> : PatternTest
    where T : class
{
    private readonly Func<T, Bindings, bool> _test;

    public JoinedTest(Func<T, Bindings, bool> test) => _test = test;

    public override bool Test(object fact, object?[] slots) => _test((T)fact, new Bindings(slots));
}

/// <summary>A test written against the fact as an object.</summary>
internal sealed class UntypedTest : PatternTest
{
    private readonly Func<object, Bindings, bool> _test;

    public UntypedTest(Func<object, Bindings, bool> test) => _test = test;

    public override bool Test(object fact, object?[] slots) => _test(fact, new Bindings(slots));
}
