using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>The engine's semantics, the same on both executors (NRules and the compiled one).</summary>
public class ExecutorSemanticsTests
{
    private sealed class Person
    {
        public Person(string name, int age) => (Name, Age) = (name, age);

        public string Name { get; }

        public int Age { get; }
    }

    private sealed class Order
    {
        public Order(string owner) => Owner = owner;

        public string Owner { get; }
    }

    private sealed class Flag
    {
        public Flag(string name) => Name = name;

        public string Name { get; }
    }

    private static RuleBuilder Finding(string id, Severity severity = Severity.Info) =>
        Rule(id).Title("t " + id).Topic(Topics.Tpmt).Caution(severity).Logic("logic").Summary("summary " + id).Review("review")
            .Source("doc", "section", Confidence.Verified);

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_PerMatchRule_FiresOncePerMatchingFact(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Match<Person>("adult", p => p.Age >= 18).Then<Person>((f, p) => f.Raise(new[] { new BasisFact("name", p.Name) }));

        var run = Run(engine, new[] { rule }, new Person("a", 20), new Person("b", 10), new Person("c", 30));

        run.Findings.Select(f => f.Basis.Facts[0].Value).Should().Equal("a", "c");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_JoinAcrossFactTypes_BindsMatchingPairsOnly(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001")
            .Match<Person>("a person", person => true)
            .Match<Order, Person>("their order", (order, person) => order.Owner == person.Name)
            .Then<Person, Order>((f, person, order) => f.Raise(new[] { new BasisFact("pair", person.Name + ":" + order.Owner) }));

        var run = Run(engine, new[] { rule }, new Person("a", 1), new Person("b", 1), new Order("b"), new Order("z"));

        run.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("b:b");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_NegatedCondition_FiresOnlyWhenNoFactMatches(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Match<Person>("a person").Not<Order, Person>("with no order", (o, person) => o.Owner == person.Name)
            .Then<Person>((f, person) => f.Raise(new[] { new BasisFact("name", person.Name) }));

        var run = Run(engine, new[] { rule }, new Person("a", 1), new Person("b", 1), new Order("b"));

        run.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("a");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_ExistsCondition_FiresOnceForManyFacts(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Exists<Order>("any order").Then(f => f.Raise(Array.Empty<BasisFact>()));

        var run = Run(engine, new[] { rule }, new Order("a"), new Order("b"), new Order("c"));

        run.Findings.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_Collection_FiresOncePerPatientWithEveryMatch(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Collect<Person>("anyone", person => person.Age > 0)
            .Then<IEnumerable<Person>>((f, persons) => f.Raise(new[] { new BasisFact("count", persons.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)) }));

        var run = Run(engine, new[] { rule }, new Person("a", 1), new Person("b", 1), new Person("c", 0));

        run.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("2");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_EmptyCollection_DoesNotFire(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Collect<Person>("an adult", person => person.Age >= 18).Then(f => f.Raise(Array.Empty<BasisFact>()));

        var run = Run(engine, new[] { rule }, new Person("a", 1));

        run.Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_CollectionGrowsAfterFiring_NonRepeatableRuleDoesNotFireAgain(RuleEngine engine)
    {
        // The collecting rule fires first (higher priority); a later rule adds a person it would collect.
        var collect = Finding("AZA-TST-001").Salience(10).Collect<Person>("anyone")
            .Then<IEnumerable<Person>>((f, persons) => f.Raise(new[] { new BasisFact("count", persons.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)) }));
        var grow = Rule("AZA-DRV-901").Title("grow").Derivation().Logic("grow").Match<Order>("an order").Then<Order>((f, order) => f.Insert(new Person(order.Owner, 1)));

        var run = Run(engine, new IRuleDefinition[] { collect, grow }, new Person("a", 1), new Order("b"));

        run.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("1");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_ForwardChaining_InsertedFactIsMatchedByLaterRule(RuleEngine engine)
    {
        var derive = Rule("AZA-DRV-901").Title("derive").Derivation().Salience(10).Logic("derive")
            .Match<Person>("child", p => p.Age < 18).Then<Person>((f, p) => f.Insert(new Flag(p.Name)));
        var report = Finding("AZA-TST-001").Match<Flag>("flagged").Then<Flag>((f, flag) => f.Raise(new[] { new BasisFact("flag", flag.Name) }));

        var run = Run(engine, new[] { report, derive }, new Person("kid", 5));

        run.Findings.Should().ContainSingle().Which.Basis.Facts[0].Value.Should().Be("kid");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_InsertedFactBlocksNegation_PendingActivationIsWithdrawn(RuleEngine engine)
    {
        // Higher salience inserts a Flag; the lower rule says "no flag" and must not fire afterwards.
        var derive = Rule("AZA-DRV-901").Title("derive").Derivation().Salience(10).Logic("derive")
            .Match<Person>("anyone").Then(f => f.Insert(new Flag("x")));
        var noFlag = Finding("AZA-TST-001").Match<Person>("anyone").Not<Flag>("no flag").Then(f => f.Raise(Array.Empty<BasisFact>()));

        var run = Run(engine, new[] { noFlag, derive }, new Person("a", 1));

        run.Findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_Salience_HigherSalienceFiresFirst(RuleEngine engine)
    {
        var order = new List<string>();
        var rules = new[]
        {
            Finding("AZA-TST-003").Salience(1).Match<Person>("p").Then(_ => order.Add("003")),
            Finding("AZA-TST-001").Salience(2).Match<Person>("p").Then(_ => order.Add("001")),
            Finding("AZA-TST-002").Salience(5).Match<Person>("p").Then(_ => order.Add("002")),
        };

        Run(engine, rules, new Person("a", 1));

        order.Should().Equal("002", "001", "003");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_FindingsOfOneRule_ComeInTheOrderOfTheirFactsWhateverTheAgenda(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Match<Person>("anyone").Then<Person>((f, p) => f.Raise(new[] { new BasisFact("name", p.Name) }));
        var people = Enumerable.Range(0, 30).Select(i => new Person("p" + i, i)).ToArray();

        var run = Run(engine, new[] { rule }, people);

        run.Findings.Select(f => f.Basis.Facts[0].Value).Should().Equal(people.Select(p => p.Name));
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_ValueEqualFindings_BothKept(RuleEngine engine)
    {
        // NRules identifies facts by Equals; two equal findings (as records) are still two facts.
        var rule = Finding("AZA-TST-001").Match<Person>("anyone").Then(f => f.Raise(new[] { new BasisFact("same", "same") }));

        var run = Run(engine, new[] { rule }, new Person("a", 1), new Person("a", 1));

        run.Findings.Should().HaveCount(2);
        run.Findings[0].Should().BeEquivalentTo(run.Findings[1]);
        run.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_RuleThrows_ErrorNamesRuleAndOtherRulesStillFire(RuleEngine engine)
    {
        var rules = new[]
        {
            Finding("AZA-TST-001").Match<Person>("p").Then(_ => throw new InvalidOperationException("boom")),
            Finding("AZA-TST-002").Match<Person>("p").Then(f => f.Raise(Array.Empty<BasisFact>())),
        };

        var run = Run(engine, rules, new Person("a", 1));

        run.Errors.Should().ContainSingle().Which.Should().Be(new RuleError("AZA-TST-001", "InvalidOperationException: boom"));
        run.Findings.Should().ContainSingle().Which.RuleId.Should().Be("AZA-TST-002");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_ConditionThrows_ErrorNamesRuleWithTheRulesOwnException(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Match<Person>("bad", p => Throw(p)).Then(_ => { });

        var run = Run(engine, new[] { rule }, new Person("a", 1));

        run.Errors.Should().ContainSingle().Which.Should().Be(new RuleError("AZA-TST-001", "ArgumentException: bad condition"));
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_RunawayChain_StopsAtFiringLimitNamingTheRules(RuleEngine engine)
    {
        var loop = Rule("AZA-DRV-901").Title("loop").Derivation().Logic("loop")
            .Match<Flag>("any flag").Then<Flag>((f, flag) => f.Insert(new Flag(flag.Name + "!")));

        var run = Run(engine, new[] { loop }, 50, null, new Flag("x"));

        run.FiringCount.Should().Be(50);
        run.Errors.Should().ContainSingle().Which.Message.Should().Contain("firing limit of 50").And.Contain("AZA-DRV-901 (50)");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Fire_SameTupleAfterUnrelatedInsert_DoesNotFireTwice(RuleEngine engine)
    {
        var count = 0;
        var derive = Rule("AZA-DRV-901").Title("derive").Derivation().Salience(-10).Logic("derive")
            .Match<Person>("p").Then<Person>((f, person) => f.Insert(new Order(person.Name)));
        var counter = Finding("AZA-TST-001").Match<Person>("p").Match<Order>("any order").Then(_ => count++);

        Run(engine, new[] { derive, counter }, new Person("a", 1), new Order("seed"));

        count.Should().Be(2, "once for (a, seed) and once for (a, a)");
    }

    [Fact]
    public void Fire_CompiledListener_ReceivesInsertsFiringsAndConditionOutcomes()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("adult", p => p.Age >= 18).Then(_ => { });
        var listener = new RecordingListener();

        Run(RuleEngine.Compiled, new[] { rule }, 1000, listener, new Person("a", 20), new Person("b", 10));

        listener.Inserted.Should().Be(2);
        listener.Fired.Should().Equal("AZA-TST-001");
        listener.Outcomes.Should().BeEquivalentTo(new[] { ("AZA-TST-001", 0, true), ("AZA-TST-001", 0, false) });
    }

    [Fact]
    public void Fire_NRulesListener_ReceivesInsertsAndFirings()
    {
        var rule = Finding("AZA-TST-001").Match<Person>("adult", p => p.Age >= 18).Then(_ => { });
        var listener = new RecordingListener();

        Run(RuleEngine.NRules, new[] { rule }, 1000, listener, new Person("a", 20), new Person("b", 10));

        listener.Inserted.Should().Be(2);
        listener.Fired.Should().Equal("AZA-TST-001");
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Insert_FactOfUnreadType_IsIgnoredSafely(RuleEngine engine)
    {
        var rule = Finding("AZA-TST-001").Match<Person>("p").Then(f => f.Raise(Array.Empty<BasisFact>()));

        var run = Run(engine, new[] { rule }, "a string fact", new Person("a", 1));

        run.Findings.Should().HaveCount(1);
    }

    private static bool Throw(Person p) => throw new ArgumentException("bad condition");

    private static ExecutorRun Run(RuleEngine engine, IEnumerable<IRuleDefinition> rules, params object[] facts) => TestExecutors.Run(engine, rules, facts);

    private static ExecutorRun Run(RuleEngine engine, IEnumerable<IRuleDefinition> rules, int maxFirings, IRuleEventListener? listener, params object[] facts) =>
        TestExecutors.Run(engine, rules, maxFirings, listener, facts);

    private sealed class RecordingListener : IRuleEventListener
    {
        public int Inserted { get; private set; }

        public List<string> Fired { get; } = new();

        public List<(string, int, bool)> Outcomes { get; } = new();

        public void FactInserted(object fact) => Inserted++;

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => Fired.Add(rule.Id);

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds) => Outcomes.Add((rule.Id, conditionIndex, holds));
    }
}
