%% A ring of N processes (default 10,000) passes a token M times round
%% (default 100), N*M hops. Main spawns the nodes, tells each its
%% successor, starts the token and waits for the node that sees it reach 0.
%%   erlc ring.erl && erl -noshell +S 2 -run ring main [N] [M]
%% Prints: ring impl=erlang n=N rounds=M hops=N*M setup_secs=S pass_secs=P
%%         total_secs=T hops_per_sec=N*M/P
-module(ring).
-export([main/0, main/1]).

main() -> main([]).
main(Args) ->
    {N, M} = case Args of
                 [A, B | _] -> {list_to_integer(A), list_to_integer(B)};
                 [A] -> {list_to_integer(A), 100};
                 [] -> {10000, 100}
             end,
    Me = self(),
    T0 = erlang:monotonic_time(),
    Pids = list_to_tuple([spawn(fun() -> ring_node(Me) end) || _ <- lists:seq(1, N)]),
    [element(I, Pids) ! {next, element(I rem N + 1, Pids)} || I <- lists:seq(1, N)],
    T1 = erlang:monotonic_time(),
    element(1, Pids) ! {token, N * M},
    receive done -> ok end,
    T2 = erlang:monotonic_time(),
    io:format("ring impl=erlang n=~b rounds=~b hops=~b setup_secs=~.2f pass_secs=~.2f "
              "total_secs=~.2f hops_per_sec=~b~n",
              [N, M, N * M, secs(T1 - T0), secs(T2 - T1), secs(T2 - T0),
               round(N * M / secs(T2 - T1))]),
    halt(0).

ring_node(Main) ->
    receive {next, Next} -> loop(Main, Next) end.

loop(Main, Next) ->
    receive
        {token, 0} -> Main ! done, loop(Main, Next);
        {token, C} -> Next ! {token, C - 1}, loop(Main, Next)
    end.

secs(T) -> erlang:convert_time_unit(T, native, microsecond) / 1.0e6.
