%% Ping-pong between two processes: main sends {ping, Self, I} to a spawned
%% echo process and waits for {pong, I} before sending the next, N round
%% trips (default 1,000,000), so 2N messages.
%%   erlc pingpong.erl && erl -noshell +S 2 -run pingpong main [N]
%% Prints: pingpong impl=erlang n=N messages=2N secs=S msgs_per_sec=2N/S
-module(pingpong).
-export([main/0, main/1]).

main() -> main([]).
main(Args) ->
    N = case Args of [A | _] -> list_to_integer(A); [] -> 1000000 end,
    P = spawn(fun pong/0),
    T0 = erlang:monotonic_time(),
    Sum = ping(P, 1, N, 0),
    T1 = erlang:monotonic_time(),
    P ! stop,
    Sum = N * (N + 1) div 2,
    S = erlang:convert_time_unit(T1 - T0, native, microsecond) / 1.0e6,
    io:format("pingpong impl=erlang n=~b messages=~b secs=~.2f msgs_per_sec=~b~n",
              [N, 2 * N, S, round(2 * N / S)]),
    halt(0).

ping(_, I, N, Sum) when I > N -> Sum;
ping(P, I, N, Sum) ->
    P ! {ping, self(), I},
    receive {pong, I} -> ping(P, I + 1, N, Sum + I) end.

pong() ->
    receive
        {ping, From, I} -> From ! {pong, I}, pong();
        stop -> ok
    end.
