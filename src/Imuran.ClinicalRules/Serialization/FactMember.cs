using System;
using System.Reflection;
using System.Text.Json;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>What a member holds in JSON, as the schema tests and documentation name it.</summary>
internal enum FactJsonKind
{
    /// <summary>Any value, never read (<c>$schema</c>).</summary>
    Any,

    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A <c>yyyy-MM-dd</c> string.</summary>
    Date,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A camelCase enum name.</summary>
    Enum,

    /// <summary>A list of camelCase enum names.</summary>
    EnumList,

    /// <summary>A nested object.</summary>
    Object,

    /// <summary>A list of objects.</summary>
    ObjectList,
}

/// <summary>
/// One member of a patient-facts JSON object, as <see cref="PatientFactsSchema"/> describes it: its name, its JSON
/// kind, and how it is read with messages (<see cref="ReadWithProblems"/>), read fast (<see cref="TryReadFast"/>, which
/// gives up on anything irregular) and written (<see cref="Write"/>). Both readers and the writer go through these, so
/// they cannot drift apart.
/// </summary>
/// <typeparam name="T">The record the member belongs to.</typeparam>
internal abstract class FactMember<T> : IFactMember
    where T : class
{
    protected FactMember(string name, FactJsonKind kind)
    {
        Name = name;
        Kind = kind;
        EncodedName = JsonEncodedText.Encode(name);
        Utf8Name = System.Text.Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The contract name, e.g. <c>evaluationDate</c>.</summary>
    public string Name { get; }

    /// <summary>What the member holds in JSON.</summary>
    public FactJsonKind Kind { get; }

    /// <summary>The name as UTF-8 bytes, matched in place by the fast reader.</summary>
    public byte[] Utf8Name { get; }

    /// <summary>The name pre-encoded for the writer.</summary>
    public JsonEncodedText EncodedName { get; }

    /// <summary>Whether the member must be present (the fast reader gives up without it; the message reader names it).</summary>
    public virtual bool Required => false;

    /// <summary>Read before the other members by the message reader, so its problems come first (<c>evaluationDate</c>).</summary>
    public virtual bool ReadFirst => false;

    /// <summary>The schema of the nested object or list items, when <see cref="Kind"/> is an object or list of objects.</summary>
    public virtual IFactObject? Items => null;

    /// <summary>Takes the values a freshly made <typeparamref name="T"/> holds, which the writer leaves out.</summary>
    public virtual void Bind(T defaults)
    {
    }

    /// <summary>Reads the member into <paramref name="target"/>, recording a problem with its path for a bad value.</summary>
    public abstract void ReadWithProblems(ObjectReader r, T target);

    /// <summary>Reads the current (non-null) value into <paramref name="target"/>; false for anything irregular.</summary>
    public abstract bool TryReadFast(ref Utf8JsonReader r, T target);

    /// <summary>Writes the member unless it holds the value a reader gives when it is absent.</summary>
    public abstract void Write(Utf8JsonWriter w, T source);

    /// <summary>An open-instance delegate to the (init) setter of <paramref name="property"/>.</summary>
    protected static Action<T, TValue> Setter<TValue>(string property) =>
        (Action<T, TValue>)Delegate.CreateDelegate(typeof(Action<T, TValue>), Property(property, typeof(TValue)).SetMethod!);

    /// <summary>An open-instance delegate to the getter of <paramref name="property"/>.</summary>
    protected static Func<T, TValue> Getter<TValue>(string property) =>
        (Func<T, TValue>)Delegate.CreateDelegate(typeof(Func<T, TValue>), Property(property, typeof(TValue)).GetMethod!);

    /// <summary>The JSON name of a property: its name in camelCase.</summary>
    protected static string CamelCase(string property) => char.ToLowerInvariant(property[0]) + property.Substring(1);

    private static PropertyInfo Property(string name, Type type)
    {
        var p = typeof(T).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.");
        if (p.PropertyType != type)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{name} is a {p.PropertyType.Name}, not a {type.Name}.");
        }

        return p;
    }
}

/// <summary>A member bound to a property of type <typeparamref name="TValue"/> of <typeparamref name="T"/>.</summary>
internal abstract class FactMember<T, TValue> : FactMember<T>
    where T : class
{
    protected FactMember(string property, FactJsonKind kind)
        : base(CamelCase(property), kind)
    {
        Get = Getter<TValue>(property);
        Set = Setter<TValue>(property);
    }

    protected Func<T, TValue> Get { get; }

    protected Action<T, TValue> Set { get; }

    /// <summary>The value a freshly made record holds (what a reader gives when the member is absent).</summary>
    protected TValue Default { get; private set; } = default!;

    public override void Bind(T defaults) => Default = Get(defaults);
}

/// <summary>What any member of the schema tells about itself, whatever record it belongs to.</summary>
internal interface IFactMember
{
    /// <summary>The contract name.</summary>
    string Name { get; }

    /// <summary>What the member holds in JSON.</summary>
    FactJsonKind Kind { get; }

    /// <summary>Whether the member must be present.</summary>
    bool Required { get; }

    /// <summary>The nested object's description, for objects and lists of objects.</summary>
    IFactObject? Items { get; }
}

/// <summary>What any object of the schema tells about itself.</summary>
internal interface IFactObject
{
    /// <summary>The record type the object is read into.</summary>
    Type RecordType { get; }

    /// <summary>The members, in the order they are written.</summary>
    System.Collections.Generic.IReadOnlyList<IFactMember> Members { get; }
}
