using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>
/// Walks one operation block in evaluation order and records, for every bind site and every reuse decision, what
/// held on the paths reaching it. Branches are copied and joined (must-facts intersect, may-facts unite); loops are
/// walked once and joined with the path that skips them; local functions and helpers of the compilation (in another
/// file only when handed a socket or an address, see <see cref="HelperBodies"/>) are walked at their call sites with
/// their parameters aliased to the caller's sockets; lambdas see the state where they are written.
/// </summary>
internal sealed class BindFlowWalker
{
    private const int MaxInlineDepth = 3;
    private const int MaxNesting = 400;
    private const int SocketOptionLevelSocket = 0xffff;
    private const int SocketOptionNameReuseAddress = 4;
    private const int SocketOptionNameExclusiveAddressUse = ~SocketOptionNameReuseAddress;

    private readonly SocketSymbols _symbols;
    private readonly SemanticModel _model;
    private readonly FieldProvenance _fields;
    private readonly ValueEvaluator _values;
    private readonly CancellationToken _cancellationToken;
    private readonly List<BindObservation> _binds = new();
    private readonly List<DecisionObservation> _decisions = new();
    private readonly List<ListenerCreation> _listeners = new();
    private readonly List<WildcardHandOff> _wildcardHandOffs = new();
    private readonly HelperBodies _helperBodies;
    private readonly HashSet<SocketKey> _listening = new();
    private readonly Dictionary<SocketKey, SocketKey> _renamed = new();
    private readonly Dictionary<IMethodSymbol, ILocalFunctionOperation> _localFunctions = new(SymbolEqualityComparer.Default);
    private readonly List<ILocalFunctionOperation> _localFunctionsInOrder = new();
    private readonly HashSet<IMethodSymbol> _walkedLocalFunctions = new(SymbolEqualityComparer.Default);
    private readonly HashSet<IMethodSymbol> _inlineStack = new(SymbolEqualityComparer.Default);
    // Where `break` and `continue` go, innermost last. A stack searched from the top, not a table: targets nest a few
    // deep, and each loop's labels are fresh symbols, so hashing them would mean a first identity hash per loop.
    private readonly List<(ILabelSymbol Label, FlowState Target)> _branchTargets = new();
    private readonly Stack<SocketKey?> _conditionalReceivers = new();

    private FlowState _state = new();
    private IOperation? _root;
    private int _nesting;
    private FlowState? _returnTarget;

    // While walking a callee: the sockets it returns, joined over its return statements (a factory's provenance).
    private SocketState? _returnedSocket;
    private SocketKey? _implicitReceiver;

    // Set while walking an ordinary helper method at a call site: findings inside it are reported at this call.
    private IInvocationOperation? _helperCallSite;
    private IMethodSymbol? _helper;

    // Locals and parameters a lambda being walked writes: it may run at any later point, so after it they are unknown.
    private List<ISymbol>? _writtenByLambdas;
    private int _lambdaDepth;

    public BindFlowWalker(SocketSymbols symbols, SemanticModel model, FieldProvenance fields, SpelledWords words, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _model = model;
        _fields = fields;
        _cancellationToken = cancellationToken;
        _values = new ValueEvaluator(symbols, model, cancellationToken);
        _helperBodies = new HelperBodies(model, words, cancellationToken);
    }

    public IReadOnlyList<BindObservation> Binds => _binds;

    public SocketSymbols Symbols => _symbols;

    public IReadOnlyList<DecisionObservation> Decisions => _decisions;

    /// <summary>TcpListeners created in this block (not inside helpers it calls), with their local endpoint.</summary>
    public IReadOnlyList<ListenerCreation> Listeners => _listeners;

    /// <summary>Calls in this block that hand a helper the wildcard address it binds.</summary>
    public IReadOnlyList<WildcardHandOff> WildcardHandOffs => _wildcardHandOffs;

    /// <summary>Whether <c>Listen</c>/<c>Start</c> is called on the socket anywhere in the walk: port 0 does not exempt a listener.</summary>
    public bool Listens(SocketKey? socket) => socket is { } key && _listening.Contains(Named(key));

    /// <summary>Whether two observations are about one socket: a socket configured in its object initializer is later stored under a name.</summary>
    public bool SameSocket(SocketKey? first, SocketKey? second)
        => first is { } a && second is { } b && Named(a).Equals(Named(b));

    private SocketKey Named(SocketKey key) => _renamed.TryGetValue(key, out var name) ? name : key;

    public void Walk(IOperation root)
    {
        _root = root;
        _state = new FlowState();
        Visit(root);

        // Local functions never called here (or only through delegates) are walked on their own; walking one may
        // meet the declarations of more, so the list may grow while it is read.
        for (var i = 0; i < _localFunctionsInOrder.Count; i++)
        {
            var localFunction = _localFunctionsInOrder[i];
            if (!_walkedLocalFunctions.Contains(localFunction.Symbol))
            {
                _state = new FlowState();
                Visit(localFunction.Body);
            }
        }
    }

    private void Visit(IOperation? operation)
    {
        if (operation is null)
        {
            return;
        }

        // Read once: Kind is an interface call on a site that sees every operation type.
        var kind = operation.Kind;
        if (kind == OperationKind.LocalFunction)
        {
            // Walked where it is called; noted here even past a return, where local functions are usually declared.
            Remember((ILocalFunctionOperation)operation);
            return;
        }

        if (_state.IsUnreachable || _nesting >= MaxNesting)
        {
            // Past MaxNesting (a 5,000-term concatenation, machine-made code) the walk stops descending instead of
            // risking the IDE's stack: no socket code nests that deep.
            return;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        _nesting++;
        try
        {
            VisitCore(operation, kind);
        }
        finally
        {
            _nesting--;
        }
    }

    // Dispatched on Kind, then cast once: a chain of `case IXOperation` patterns scans each operation's interface
    // map once per case, which was the walk's largest single cost in long methods.
    private void VisitCore(IOperation operation, OperationKind kind)
    {
        switch (kind)
        {
            case OperationKind.Conditional:
                var conditional = (IConditionalOperation)operation;
                Visit(conditional.Condition);
                Branch(conditional.WhenTrue, conditional.WhenFalse);
                break;
            case OperationKind.Binary when operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                Visit(logical.LeftOperand);
                Branch(logical.RightOperand, null);
                break;
            case OperationKind.Coalesce:
                var coalesce = (ICoalesceOperation)operation;
                Visit(coalesce.Value);
                Branch(coalesce.WhenNull, null);
                break;
            case OperationKind.ConditionalAccess:
                VisitConditionalAccess((IConditionalAccessOperation)operation);
                break;
            case OperationKind.Loop:
                VisitLoop((ILoopOperation)operation);
                break;
            case OperationKind.Switch:
                VisitSwitch((ISwitchOperation)operation);
                break;
            case OperationKind.SwitchExpression:
                var switchExpression = (ISwitchExpressionOperation)operation;
                Visit(switchExpression.Value);
                VisitAlternatives(switchExpression.Arms, includeFallThrough: false);
                break;
            case OperationKind.Try:
                VisitTry((ITryOperation)operation);
                break;
            case OperationKind.YieldReturn:
                Visit(((IReturnOperation)operation).ReturnedValue);
                break;
            case OperationKind.Return or OperationKind.YieldBreak:
                var @return = (IReturnOperation)operation;
                Visit(@return.ReturnedValue);
                RecordReturnedSocket(@return.ReturnedValue);
                _returnTarget?.JoinWith(_state);
                _state.MarkUnreachable();
                break;
            case OperationKind.Throw:
                Visit(((IThrowOperation)operation).Exception);
                _state.MarkUnreachable();
                break;
            case OperationKind.Branch:
                BranchTarget(((IBranchOperation)operation).Target)?.JoinWith(_state);
                _state.MarkUnreachable();
                break;
            case OperationKind.AnonymousFunction:
                VisitDetached(((IAnonymousFunctionOperation)operation).Body);
                break;
            case OperationKind.MethodReference:
                var reference = (IMethodReferenceOperation)operation;
                Visit(reference.Instance);
                VisitReferencedLocalFunction(reference.Method);
                break;
            case OperationKind.VariableDeclarator:
                var declarator = (IVariableDeclaratorOperation)operation;
                var initializer = declarator.GetVariableInitializer()?.Value;
                Visit(initializer);
                Forget(UnevaluatedWrite(declarator));
                Assign(declarator.Symbol, initializer);
                break;
            case OperationKind.SimpleAssignment:
                VisitAssignment((ISimpleAssignmentOperation)operation);
                break;
            case OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment
                or OperationKind.Increment or OperationKind.Decrement:
                VisitChildren(operation);
                Forget(UnevaluatedWrite(operation));
                break;
            case OperationKind.Invocation:
                VisitInvocation((IInvocationOperation)operation);
                break;
            case OperationKind.ObjectCreation:
                VisitCreation((IObjectCreationOperation)operation);
                break;
            default:
                // Written out, not a call to VisitChildren: most operations come here, and the call was measurable.
                foreach (var child in operation.ChildOperations)
                {
                    Visit(child);
                }

                break;
        }
    }

    private void VisitChildren(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            Visit(child);
        }
    }

    private void VisitConditionalAccess(IConditionalAccessOperation conditionalAccess)
    {
        Visit(conditionalAccess.Operation);
        var receiver = ResolveKey(conditionalAccess.Operation);
        _conditionalReceivers.Push(receiver);
        if (IsCreatedOnEveryPath(receiver))
        {
            // A socket created on every path is not null: `s?.X()` always runs.
            Visit(conditionalAccess.WhenNotNull);
        }
        else
        {
            Branch(conditionalAccess.WhenNotNull, null);
        }

        _conditionalReceivers.Pop();
    }

    /// <summary>Walks one or two alternatives from the current state and joins them (a missing one is the path that skips).</summary>
    private void Branch(IOperation? first, IOperation? second)
    {
        var before = _state;
        _state = before.Clone();
        Visit(first);
        var afterFirst = _state;
        _state = before;
        Visit(second);
        _state.JoinWith(afterFirst);
    }

    private void VisitAlternatives(IEnumerable<IOperation> alternatives, bool includeFallThrough)
    {
        var before = _state;
        var joined = includeFallThrough ? before.Clone() : Unreachable();
        foreach (var alternative in alternatives)
        {
            _state = before.Clone();
            Visit(alternative);
            joined.JoinWith(_state);
        }

        _state = joined;
    }

    private void VisitLoop(ILoopOperation loop)
    {
        var exit = Unreachable();
        var next = Unreachable();
        _branchTargets.Add((loop.ExitLabel, exit));
        _branchTargets.Add((loop.ContinueLabel, next));
        switch (loop)
        {
            case IWhileLoopOperation { ConditionIsTop: false } doWhile:
                ForgetValuesWrittenIn(doWhile);
                Visit(doWhile.Body);
                _state.JoinWith(next);
                Visit(doWhile.Condition);
                break;
            case IWhileLoopOperation whileLoop:
                ForgetValuesWrittenIn(whileLoop);
                Visit(whileLoop.Condition);
                VisitLoopBody(whileLoop.Body, next);
                break;
            case IForLoopOperation forLoop:
                foreach (var before in forLoop.Before)
                {
                    Visit(before);
                }

                ForgetValuesWrittenIn(forLoop);
                Visit(forLoop.Condition);
                VisitLoopBody(forLoop.Body, next);
                break;
            case IForEachLoopOperation forEach:
                Visit(forEach.Collection);
                ForgetValuesWrittenIn(forEach);
                VisitLoopBody(forEach.Body, next);
                break;
            default:
                ForgetValuesWrittenIn(loop);
                VisitLoopBody(loop.Body, next);
                break;
        }

        _state.JoinWith(exit);
        _branchTargets.RemoveRange(_branchTargets.Count - 2, 2);
    }

    /// <summary>
    /// A loop's body runs again after what its last run wrote, and the walk goes through it once: a value the loop
    /// writes anywhere (its condition, body or increment) is unknown from the first run on.
    /// </summary>
    private void ForgetValuesWrittenIn(ILoopOperation loop)
    {
        if (!_state.TracksValues)
        {
            return;
        }

        if (loop is IForLoopOperation forLoop)
        {
            ForgetWrites(forLoop.Condition, _nesting);
            foreach (var increment in forLoop.AtLoopBottom)
            {
                ForgetWrites(increment, _nesting);
            }
        }
        else if (loop is IWhileLoopOperation whileLoop)
        {
            ForgetWrites(whileLoop.Condition, _nesting);
        }

        ForgetWrites(loop.Body, _nesting);
    }

    private void ForgetWrites(IOperation? operation, int depth)
    {
        if (operation is null || depth >= MaxNesting)
        {
            return;
        }

        // A plain assignment is evaluated where the walk meets it, but the loop's first run must not see it yet.
        Forget(operation.Kind == OperationKind.SimpleAssignment ? ((ISimpleAssignmentOperation)operation).Target : UnevaluatedWrite(operation));
        foreach (var child in operation.ChildOperations)
        {
            ForgetWrites(child, depth + 1);
        }
    }

    private FlowState? BranchTarget(ILabelSymbol label)
    {
        for (var i = _branchTargets.Count - 1; i >= 0; i--)
        {
            if (SymbolEqualityComparer.Default.Equals(_branchTargets[i].Label, label))
            {
                return _branchTargets[i].Target;
            }
        }

        return null;
    }

    /// <summary>The body may run zero times: the state after the loop joins the path that skips it.</summary>
    private void VisitLoopBody(IOperation body, FlowState next)
    {
        var skip = _state.Clone();
        Visit(body);
        _state.JoinWith(next);
        _state.JoinWith(skip);
    }

    private void VisitSwitch(ISwitchOperation @switch)
    {
        Visit(@switch.Value);
        var exit = Unreachable();
        _branchTargets.Add((@switch.ExitLabel, exit));
        var hasDefault = false;
        foreach (var section in @switch.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                hasDefault |= clause.CaseKind == CaseKind.Default;
            }
        }

        var before = _state;
        foreach (var section in @switch.Cases)
        {
            _state = before.Clone();
            foreach (var statement in section.Body)
            {
                Visit(statement);
            }

            exit.JoinWith(_state);
        }

        if (!hasDefault)
        {
            exit.JoinWith(before);
        }

        _branchTargets.RemoveAt(_branchTargets.Count - 1);
        _state = exit;
    }

    private void VisitTry(ITryOperation @try)
    {
        var before = _state.Clone();
        Visit(@try.Body);
        var joined = _state;
        var afterTry = joined.Clone();
        foreach (var @catch in @try.Catches)
        {
            // A handler runs when something in the try threw. Code that wraps SetSocketOption in try/catch is
            // tolerating a platform that refuses the option, not skipping the decision: the handler starts from
            // what the try did (an exception is not a path the author chose).
            _state = afterTry.IsUnreachable ? before.Clone() : afterTry.Clone();
            Visit(@catch.Filter);
            Visit(@catch.Handler);
            joined.JoinWith(_state);
        }

        _state = joined;
        if (@try.Finally is not null)
        {
            var wasUnreachable = _state.IsUnreachable;
            if (wasUnreachable)
            {
                _state = before;
            }

            Visit(@try.Finally);
            if (wasUnreachable)
            {
                _state.MarkUnreachable();
            }
        }
    }

    /// <summary>A lambda runs later, maybe never: walk it from here, keep nothing it does.</summary>
    private void VisitDetached(IOperation body)
    {
        var saved = _state;
        var savedReturn = _returnTarget;
        _state = saved.Clone();
        _returnTarget = null;
        _lambdaDepth++;
        Visit(body);
        _lambdaDepth--;
        _state = saved;
        _returnTarget = savedReturn;

        // What the lambda wrote may have been written by the time anything after it runs.
        if (_writtenByLambdas is { Count: > 0 } written)
        {
            foreach (var symbol in written)
            {
                _state.SetValue(symbol, TrackedValue.Unknown);
            }

            if (_lambdaDepth == 0)
            {
                written.Clear();
            }
        }
    }

    /// <summary>
    /// A local function made into a delegate (<c>Action a = Choose;</c>) runs later, maybe never, as a lambda does: it is
    /// walked from here like one, so what it writes is forgotten after this point, and it is not walked again on its own.
    /// </summary>
    private void VisitReferencedLocalFunction(IMethodSymbol method)
    {
        var original = method.OriginalDefinition;
        if (original.MethodKind != MethodKind.LocalFunction
            || _inlineStack.Count >= MaxInlineDepth
            || LocalFunction(original) is not { Body: { } body }
            || !_inlineStack.Add(original))
        {
            return;
        }

        _walkedLocalFunctions.Add(original);
        VisitDetached(body);
        _inlineStack.Remove(original);
    }

    private void VisitAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IPropertyReferenceOperation property && IsExclusiveAddressUse(property.Property))
        {
            Visit(property.Instance);
            Visit(assignment.Value);
            RecordDecision(ResolveKey(property.Instance), ReuseOption.ExclusiveAddressUse, _values.Evaluate(assignment.Value, _state).AsBoolean(), assignment);
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation or IFieldReferenceOperation { Instance: not null })
        {
            foreach (var child in assignment.Target.ChildOperations)
            {
                Visit(child);
            }
        }

        Visit(assignment.Value);
        Assign(TargetSymbol(assignment.Target), assignment.Value);
    }

    private void VisitCreation(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            Visit(argument);
        }

        ForgetWrittenArguments(creation.Arguments);

        var kind = _symbols.KindOf(creation.Type);
        if (kind is null)
        {
            EscapeArguments(creation.Arguments, creation.Constructor);
            Visit(creation.Initializer);
            return;
        }

        var key = SocketKey.ForCreation(creation);
        if (OriginOf(kind.Value, creation) is not { } origin)
        {
            // Wraps an existing handle: not ours to judge.
            Visit(creation.Initializer);
            return;
        }

        _state.SetSocket(key, new SocketState(SocketFacts.Created, SocketFacts.Created, origin));
        if (kind == SocketKind.TcpListener)
        {
            RecordListener(creation, origin);
        }

        if (IsBindingConstructor(kind.Value, creation))
        {
            RecordBind(new BindSite(BindSiteKind.BindingConstructor, creation, origin.EndPoint), key, creation);
        }

        var savedReceiver = _implicitReceiver;
        _implicitReceiver = key;
        Visit(creation.Initializer);
        _implicitReceiver = savedReceiver;
    }

    private void VisitInvocation(IInvocationOperation invocation)
    {
        Visit(invocation.Instance);
        foreach (var argument in invocation.Arguments)
        {
            Visit(argument);
        }

        var method = invocation.TargetMethod;
        var owner = method.ContainingType;
        if (_symbols.Is(owner, _symbols.Socket))
        {
            VisitSocketMethod(invocation, method);
        }
        else if (_symbols.Is(owner, _symbols.TcpListener))
        {
            VisitListenerMethod(invocation, method);
        }
        else if (_symbols.Is(owner, _symbols.IPAddress) && method.Name == "TryParse" && invocation.Arguments.Length == 2
            && OutLocal(invocation.Arguments[1].Value) is { } parsed)
        {
            WriteValue(parsed.Local, _values.Evaluate(invocation.Arguments[0].Value, _state).Constant is string text
                ? TrackedValue.FromAddress(WildcardAddress.Classify(text))
                : TrackedValue.Unknown);
            return;
        }
        else if (BodyOf(method, invocation) is { } body)
        {
            VisitCallee(invocation, method, body);
        }
        else
        {
            EscapeArguments(invocation.Arguments, method);
        }

        // After the call: an inlined helper writes its own parameter, not the caller's local.
        ForgetWrittenArguments(invocation.Arguments);
    }

    /// <summary><c>int.TryParse(text, out port)</c>, <c>Choose(ref address)</c>: the callee may have written the local.</summary>
    private void ForgetWrittenArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        // Nothing to forget while no value is known, unless a lambda is writing (its writes are forgotten after it).
        if (!_state.TracksValues && _lambdaDepth == 0)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            Forget(UnevaluatedWrite(argument));
        }
    }

    /// <summary>
    /// What an operation writes with a value the walk does not evaluate: the target of <c>+=</c>, <c>??=</c>, <c>++</c>
    /// or a deconstruction, a <c>ref</c>/<c>out</c> argument, the local a <c>ref</c> alias writes through; null otherwise.
    /// </summary>
    private static IOperation? UnevaluatedWrite(IOperation operation) => operation.Kind switch
    {
        OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment
            => ((IAssignmentOperation)operation).Target,
        OperationKind.Increment or OperationKind.Decrement => ((IIncrementOrDecrementOperation)operation).Target,
        OperationKind.Argument when ((IArgumentOperation)operation).Parameter is { RefKind: RefKind.Ref or RefKind.Out }
            => ((IArgumentOperation)operation).Value,
        OperationKind.VariableDeclarator when ((IVariableDeclaratorOperation)operation).Symbol.RefKind == RefKind.Ref
            => ((IVariableDeclaratorOperation)operation).GetVariableInitializer()?.Value,
        _ => null,
    };

    private void VisitSocketMethod(IInvocationOperation invocation, IMethodSymbol method)
    {
        var key = ResolveKey(invocation.Instance);
        switch (method.Name)
        {
            case "Bind" when invocation.Arguments.Length == 1:
                var endPoint = invocation.Arguments[0].Value.WithoutConversions();
                if (_symbols.Is(endPoint?.Type, _symbols.UnixDomainSocketEndPoint))
                {
                    return;
                }

                RecordBind(new BindSite(BindSiteKind.SocketBind, invocation, _values.Evaluate(endPoint, _state)), key, invocation);
                break;
            case "SetSocketOption" when invocation.Arguments.Length == 3:
                var arguments = invocation.Arguments.InParameterOrder();
                var level = _values.Evaluate(arguments[0].Value, _state).Constant;
                var name = _values.Evaluate(arguments[1].Value, _state).Constant;
                if (level is SocketOptionLevelSocket && name is SocketOptionNameReuseAddress or SocketOptionNameExclusiveAddressUse)
                {
                    var option = name is SocketOptionNameReuseAddress ? ReuseOption.ReuseAddress : ReuseOption.ExclusiveAddressUse;
                    RecordDecision(key, option, _values.Evaluate(arguments[2].Value, _state).AsBoolean(), invocation);
                }

                break;
            case "Listen" when key is { } listening:
                _state.AddFacts(listening, SocketFacts.Listening);
                _listening.Add(listening);
                break;
        }
    }

    private void VisitListenerMethod(IInvocationOperation invocation, IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "Start":
                var key = ResolveKey(invocation.Instance);
                var origin = key is { } k ? _state.GetSocket(k)?.Origin : null;
                RecordBind(new BindSite(BindSiteKind.ListenerStart, invocation, origin?.EndPoint ?? TrackedValue.Unknown), key, invocation);
                if (key is { } started)
                {
                    _state.AddFacts(started, SocketFacts.Listening);
                    _listening.Add(started);
                }

                break;
            case "Create" when method.IsStatic && invocation.Arguments.Length == 1:
                // TcpListener.Create(port) is a dual-mode IPv6Any listener.
                var endPoint = TrackedValue.FromEndPoint(AddressKind.WildcardIPv6, _values.Evaluate(invocation.Arguments[0].Value, _state).AsPort());
                var created = new SocketOrigin(SocketKind.TcpListener, SocketProtocol.Tcp, isUnixDomain: false, isDualMode: true, endPoint);
                _state.SetSocket(SocketKey.ForCreation(invocation), new SocketState(SocketFacts.Created, SocketFacts.Created, created));
                RecordListener(invocation, created);
                break;
        }
    }

    /// <summary>Walks a local function, or a helper in this file, with its socket parameters aliased to the caller's sockets.</summary>
    private void VisitCallee(IInvocationOperation invocation, IMethodSymbol method, IOperation body)
    {
        var isLocalFunction = method.MethodKind == MethodKind.LocalFunction;
        var original = method.OriginalDefinition;
        if (_inlineStack.Count >= MaxInlineDepth || !_inlineStack.Add(original))
        {
            EscapeArguments(invocation.Arguments, method: null);
            return;
        }

        if (isLocalFunction)
        {
            _walkedLocalFunctions.Add(original);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (_symbols.KindOf(parameter.Type) is not null)
            {
                _state.SetAlias(parameter, ResolveKey(argument.Value));
            }
            else
            {
                var value = _values.Evaluate(argument.Value, _state);
                _state.SetValue(parameter, !isLocalFunction && _helperCallSite is null ? value.HandedIn() : value);
            }
        }

        var savedReturn = _returnTarget;
        var savedReturned = _returnedSocket;
        var savedCallSite = _helperCallSite;
        var savedHelper = _helper;
        _returnTarget = Unreachable();
        _returnedSocket = null;
        if (!isLocalFunction && _helperCallSite is null)
        {
            _helperCallSite = invocation;
            _helper = original;
        }

        Visit(body);
        _state.JoinWith(_returnTarget);
        if (_returnedSocket is { } returned && _symbols.KindOf(method.ReturnType) is not null)
        {
            // var listener = CreateListener(); — the factory's socket keeps what the factory did to it.
            _state.SetSocket(SocketKey.ForCreation(invocation), returned);
        }

        _returnTarget = savedReturn;
        _returnedSocket = savedReturned;
        _helperCallSite = savedCallSite;
        _helper = savedHelper;
        _inlineStack.Remove(original);
    }

    private void RecordReturnedSocket(IOperation? value)
    {
        if (_returnTarget is null || _state.IsUnreachable)
        {
            return;
        }

        // Only a socket created on this path has a known origin; anything else makes the factory's result unknown.
        var returned = ResolveKey(value) is { } key && _state.GetSocket(key) is { } state && (state.Must & SocketFacts.Created) != 0
            ? state
            : default;
        _returnedSocket = _returnedSocket is { } earlier ? earlier.Join(returned) : returned;
    }

    /// <summary>The body of a local function of this block, or of a source method of the compilation; null for anything else.</summary>
    private IOperation? BodyOf(IMethodSymbol method, IInvocationOperation call)
    {
        var original = method.OriginalDefinition;
        if (original.MethodKind == MethodKind.LocalFunction)
        {
            return LocalFunction(original)?.Body;
        }

        if (original.MethodKind != MethodKind.Ordinary || original.IsAbstract || original.IsVirtual || original.IsOverride)
        {
            return null;
        }

        return _helperBodies.Of(original, mayReadOtherFiles: HandsOverSomethingThatMatters(call));
    }

    /// <summary>
    /// A local function of the block being walked. One called above its declaration (the usual place is the end) is
    /// found through its syntax: the semantic model maps it to the operation it built with the rest of the block, so
    /// no pass over the whole block looks for declarations first.
    /// </summary>
    private ILocalFunctionOperation? LocalFunction(IMethodSymbol original)
    {
        if (_localFunctions.TryGetValue(original, out var known))
        {
            return known;
        }

        foreach (var reference in original.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_cancellationToken);
            if (IsInRoot(syntax) && _model.GetOperation(syntax, _cancellationToken) is ILocalFunctionOperation found)
            {
                Remember(found);
                return found;
            }
        }

        return null;
    }

    /// <summary>Notes a local function of the walked block; one met inside an inlined helper stays the helper's.</summary>
    private void Remember(ILocalFunctionOperation localFunction)
    {
        if (IsInRoot(localFunction.Syntax) && !_localFunctions.ContainsKey(localFunction.Symbol))
        {
            _localFunctions.Add(localFunction.Symbol, localFunction);
            _localFunctionsInOrder.Add(localFunction);
        }
    }

    private bool IsInRoot(SyntaxNode syntax)
        => _root is not null && syntax.SyntaxTree == _root.Syntax.SyntaxTree && _root.Syntax.Span.Contains(syntax.Span);

    /// <summary>
    /// Whether a call hands its callee a socket the walk tracks (as an argument, or as a field of this instance) or a
    /// wildcard address: only then is a helper in another file worth its semantic model.
    /// </summary>
    private bool HandsOverSomethingThatMatters(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            var value = argument.Value;
            if (_symbols.KindOf(value.WithoutConversions()?.Type) is not null
                ? ResolveKey(value) is { } key && _state.GetSocket(key) is not null
                : _values.Evaluate(value, _state) is var tracked && (tracked.Address.IsWildcard() || tracked.IsHandedIn))
            {
                return true;
            }
        }

        return call.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            && !call.TargetMethod.IsStatic
            && _state.TracksMemberSocket();
    }

    /// <summary>A socket handed to code we cannot see may be configured there: from then on we stay quiet about it.</summary>
    private void EscapeArguments(IEnumerable<IArgumentOperation> arguments, IMethodSymbol? method)
    {
        foreach (var argument in arguments)
        {
            // The callee is judged only once a socket is handed over: most calls hand over none.
            if (_symbols.KindOf(argument.Value.WithoutConversions()?.Type) is not null && ResolveKey(argument.Value) is { } key
                && !(method is not null && IsFramework(method)))
            {
                _state.AddFacts(key, SocketFacts.Escaped);
            }
        }
    }

    /// <summary>BCL code (namespace <c>System</c> or below) does not configure a socket it is handed, but a delegate's body can be anything.</summary>
    private static bool IsFramework(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return false;
        }

        // The outermost named namespace, read up the chain: no display string is built.
        INamespaceSymbol? outermost = null;
        for (var ns = method.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            outermost = ns;
        }

        return outermost?.Name == "System";
    }

    private void Assign(ISymbol? target, IOperation? value)
    {
        if (target is null)
        {
            return;
        }

        var stripped = value.WithoutConversions();
        if (_symbols.KindOf(TypeOf(target)) is not null)
        {
            var key = SocketKey.For(target);
            var source = ResolveKey(stripped);
            _state.SetAlias(target, null);
            _state.RemoveSocket(key);
            if (source is null && FreshSocketOfArms(stripped) is { } chosen)
            {
                // `flag ? new TcpListener(…) : null`: the stored socket is one created here, or none.
                _state.SetSocket(key, chosen);
            }
            else if (source is { } from)
            {
                if (from.Symbol is null && _state.GetSocket(from) is { } created)
                {
                    // A fresh socket takes the name it is stored under.
                    _state.SetSocket(key, created);
                    _state.RemoveSocket(from);
                    _renamed[from] = key;
                }
                else if (!from.Equals(key))
                {
                    _state.SetAlias(target, from);
                }
            }

            return;
        }

        if (target is ILocalSymbol or IParameterSymbol)
        {
            WriteValue(target, _values.Evaluate(stripped, _state));
        }
    }

    /// <summary>
    /// A write the walk does not evaluate (<c>port += 1</c>, <c>port++</c>, <c>out port</c>, a deconstruction): the
    /// local's value is unknown from here, so a port that was 0 is no longer taken for an ephemeral one.
    /// </summary>
    private void Forget(IOperation? target)
    {
        switch (target.WithoutConversions())
        {
            case ILocalReferenceOperation local:
                WriteValue(local.Local, TrackedValue.Unknown);
                break;
            case IParameterReferenceOperation parameter:
                WriteValue(parameter.Parameter, TrackedValue.Unknown);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Forget(element);
                }

                break;
            case IDeclarationExpressionOperation declaration:
                Forget(declaration.Expression);
                break;
        }
    }

    private void WriteValue(ISymbol symbol, TrackedValue value)
    {
        if (_lambdaDepth > 0)
        {
            (_writtenByLambdas ??= new List<ISymbol>()).Add(symbol);
        }

        _state.SetValue(symbol, value);
    }

    /// <summary>
    /// The joined state of the sockets a conditional expression creates when each arm is a fresh socket or null;
    /// null when an arm could be a socket from elsewhere.
    /// </summary>
    private SocketState? FreshSocketOfArms(IOperation? value)
    {
        if (value is not IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            return null;
        }

        SocketState? joined = null;
        foreach (var arm in new[] { conditional.WhenTrue.WithoutConversions(), whenFalse.WithoutConversions() })
        {
            if (arm is { ConstantValue: { HasValue: true, Value: null } })
            {
                continue;
            }

            var fresh = ResolveKey(arm) is { Symbol: null } created && _state.GetSocket(created) is { } state
                ? state
                : FreshSocketOfArms(arm);
            if (fresh is not { } armState)
            {
                return null;
            }

            joined = joined is { } other ? other.Join(armState) : armState;
        }

        return joined;
    }

    private bool IsCreatedOnEveryPath(SocketKey? key)
        => key is { } k && _state.GetSocket(k) is { } state && (state.Must & SocketFacts.Created) != 0;

    /// <summary>The local an <c>out</c> argument writes: <c>out a</c> or <c>out var a</c>.</summary>
    private static ILocalReferenceOperation? OutLocal(IOperation argument) => argument switch
    {
        ILocalReferenceOperation local => local,
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared,
        _ => null,
    };

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    private static ISymbol? TargetSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
        _ => null,
    };

    /// <summary>Which socket an expression names; <c>listener.Server</c> and <c>udp.Client</c> name their owner.</summary>
    private SocketKey? ResolveKey(IOperation? operation)
    {
        operation = operation.WithoutConversions();
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return _state.GetAlias(local.Local) ?? SocketKey.For(local.Local);
            case IParameterReferenceOperation parameter:
                return _state.GetAlias(parameter.Parameter) ?? SocketKey.For(parameter.Parameter);
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field:
                return _state.GetAlias(field.Field) ?? SocketKey.For(field.Field);
            case IPropertyReferenceOperation property when IsOwnedSocket(property.Property):
                return ResolveKey(property.Instance);
            case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Arguments.Length: 0 } property
                when _symbols.KindOf(property.Type) is not null:
                return _state.GetAlias(property.Property) ?? SocketKey.For(property.Property);
            case ISimpleAssignmentOperation assignment:
                // var listenSocket = _listenSocket = new Socket(...): the value of an assignment is its target.
                return ResolveKey(assignment.Target);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                return _implicitReceiver;
            case IConditionalAccessInstanceOperation:
                return _conditionalReceivers.Count > 0 ? _conditionalReceivers.Peek() : null;
            case IObjectCreationOperation or IInvocationOperation when _state.GetSocket(SocketKey.ForCreation(operation)) is not null:
                return SocketKey.ForCreation(operation);
            default:
                return null;
        }
    }

    private bool IsOwnedSocket(IPropertySymbol property)
        => (property.Name == "Server" && _symbols.Is(property.ContainingType, _symbols.TcpListener))
            || (property.Name == "Client" && _symbols.Is(property.ContainingType, _symbols.UdpClient));

    private bool IsExclusiveAddressUse(IPropertySymbol property)
        => property.Name == "ExclusiveAddressUse" && _symbols.KindOf(property.ContainingType) is not null;

    private SocketOrigin? OriginOf(SocketKind kind, IObjectCreationOperation creation)
    {
        var arguments = creation.Arguments.InParameterOrder();
        switch (kind)
        {
            case SocketKind.Socket:
                if (arguments.Length is < 2 or > 3)
                {
                    return null; // SafeSocketHandle / SocketInformation: an existing socket.
                }

                var dualMode = arguments.Length == 2; // Socket(SocketType, ProtocolType) is a dual-mode IPv6 socket.
                var family = arguments.Length == 3 ? _values.Evaluate(arguments[0].Value, _state).Constant : null;
                var type = _values.Evaluate(arguments[arguments.Length - 2].Value, _state).Constant;
                var protocol = _values.Evaluate(arguments[arguments.Length - 1].Value, _state).Constant;
                var transport = type is 2 || protocol is 17 ? SocketProtocol.Udp // SocketType.Dgram, ProtocolType.Udp
                    : type is 1 || protocol is 6 ? SocketProtocol.Tcp // SocketType.Stream, ProtocolType.Tcp
                    : SocketProtocol.Unknown;
                return new SocketOrigin(kind, transport, isUnixDomain: family is 1, dualMode, TrackedValue.Unknown);
            case SocketKind.TcpListener:
                var listenerEndPoint = arguments.Length switch
                {
                    2 => _values.EndPoint(arguments[0].Value, arguments[1].Value, _state),
                    1 when _symbols.Is(arguments[0].Parameter?.Type, _symbols.IPEndPoint) => _values.Evaluate(arguments[0].Value, _state),
                    1 => TrackedValue.FromEndPoint(AddressKind.WildcardIPv4, _values.Evaluate(arguments[0].Value, _state).AsPort()),
                    _ => TrackedValue.Unknown,
                };
                return new SocketOrigin(kind, SocketProtocol.Tcp, isUnixDomain: false, isDualMode: false, listenerEndPoint);
            default:
                return new SocketOrigin(kind, SocketProtocol.Udp, isUnixDomain: false, isDualMode: false, UdpEndPoint(creation));
        }
    }

    /// <summary>The endpoint a binding UdpClient constructor binds; Unknown for the unbound and connecting ones.</summary>
    private TrackedValue UdpEndPoint(IObjectCreationOperation creation)
    {
        var parameters = creation.Constructor?.Parameters ?? default;
        if (parameters.IsDefaultOrEmpty || creation.Arguments.Length != parameters.Length)
        {
            return TrackedValue.Unknown;
        }

        var arguments = creation.Arguments.InParameterOrder();
        var first = arguments[0].Value;
        if (parameters.Length == 1 && _symbols.Is(parameters[0].Type, _symbols.IPEndPoint))
        {
            return _values.Evaluate(first, _state);
        }

        if (parameters[0].Type.SpecialType != SpecialType.System_Int32)
        {
            return TrackedValue.Unknown;
        }

        var port = _values.Evaluate(first, _state).AsPort();
        var family = parameters.Length == 2 ? _values.Evaluate(arguments[1].Value, _state).Constant : null;
        return TrackedValue.FromEndPoint(family is 23 ? AddressKind.WildcardIPv6 : AddressKind.WildcardIPv4, port); // 23: InterNetworkV6
    }

    private bool IsBindingConstructor(SocketKind kind, IObjectCreationOperation creation)
    {
        if (kind != SocketKind.UdpClient || creation.Constructor is not { Parameters: var parameters } || parameters.Length == 0)
        {
            return false;
        }

        return parameters[0].Type.SpecialType == SpecialType.System_Int32
            ? parameters.Length == 1 || _symbols.Is(parameters[1].Type, _symbols.AddressFamily)
            : parameters.Length == 1 && _symbols.Is(parameters[0].Type, _symbols.IPEndPoint);
    }

    private void RecordBind(BindSite site, SocketKey? key, IOperation bind)
    {
        var before = key is { } k ? _state.GetSocket(k) ?? default : default;
        var provenanceKnown = (before.May & SocketFacts.Created) != 0;
        if (!provenanceKnown && key?.Symbol is IFieldSymbol or IPropertySymbol)
        {
            switch (_fields.Judge(key.Value.Symbol!, _cancellationToken))
            {
                case FieldVerdict.CreatedUndecided:
                    provenanceKnown = true;
                    break;
                case FieldVerdict.DecidedSomewhere:
                    before = before.With(SocketFacts.Decided);
                    break;
                case FieldVerdict.EphemeralOnly:
                    return;
            }
        }

        var socketArgument = -1;
        IOperation reportAt = bind;
        if (_helperCallSite is not null)
        {
            if (site.Kind != BindSiteKind.ListenerStart)
            {
                // A listener's address was judged where it was created.
                RecordHandOff(site.EndPoint, key, isListener: false);
            }

            // Inside a helper, only sockets the caller handed in are the caller's business; the helper's own are judged in the helper.
            socketArgument = ArgumentCarrying(_helperCallSite, key);
            if (socketArgument < 0)
            {
                return;
            }

            reportAt = _helperCallSite;
        }

        _binds.Add(new BindObservation(site, before, provenanceKnown, reportAt, socketArgument, key));
        if (key is { } bound)
        {
            _state.AddFacts(bound, SocketFacts.Bound);
        }
    }

    private int ArgumentCarrying(IInvocationOperation call, SocketKey? key)
    {
        if (key is null)
        {
            return -1;
        }

        for (var i = 0; i < call.Arguments.Length; i++)
        {
            if (ResolveKey(call.Arguments[i].Value) is { } argumentKey && argumentKey.Equals(key.Value))
            {
                return i;
            }
        }

        return -1;
    }

    private void RecordDecision(SocketKey? key, ReuseOption option, bool? enabled, IOperation operation)
    {
        if (key is not { } decided)
        {
            return;
        }

        var before = _state.GetSocket(decided) ?? default;
        var reportAt = _helperCallSite ?? operation;
        _decisions.Add(new DecisionObservation(new ReuseDecision(option, enabled, operation), before, reportAt, decided));
        var enabledFact = option == ReuseOption.ReuseAddress ? SocketFacts.ReuseEnabled : SocketFacts.ExclusiveEnabled;
        var after = before.With(SocketFacts.Decided);

        // Setting an option back to false (or to a value we cannot read) undoes what an earlier true said.
        after = enabled switch
        {
            true => after.With(enabledFact),
            false => after.Without(enabledFact),
            null => after.Perhaps(enabledFact),
        };
        _state.SetSocket(decided, after);
    }

    private void RecordListener(IOperation creation, SocketOrigin origin)
    {
        // Inside a helper walked for a caller, the helper's own block reports its listeners, unless the caller handed it the address.
        if (_helperCallSite is null)
        {
            _listeners.Add(new ListenerCreation(creation, origin.EndPoint));
        }
        else
        {
            RecordHandOff(origin.EndPoint, SocketKey.ForCreation(creation), isListener: true);
        }
    }

    /// <summary>A helper binds (or creates a listener on) a wildcard it got from this block: the call is where to say so.</summary>
    private void RecordHandOff(TrackedValue endPoint, SocketKey? socket, bool isListener)
    {
        if (_helperCallSite is { } call && endPoint.IsHandedIn && endPoint.Address.IsWildcard())
        {
            _wildcardHandOffs.Add(new WildcardHandOff(call, endPoint, socket, isListener));
        }
    }

    private static FlowState Unreachable()
    {
        var state = new FlowState();
        state.MarkUnreachable();
        return state;
    }
}
