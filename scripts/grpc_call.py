#!/usr/bin/python3
"""A tiny grpcurl stand-in (grpcurl is not packaged for Debian 12): lists services through server
reflection (grpc.reflection.v1), fetches their descriptors from the server, and calls a method with
a JSON request, printing the JSON response.

  scripts/grpc_call.py HOST:PORT list
  scripts/grpc_call.py HOST:PORT describe SERVICE
  scripts/grpc_call.py HOST:PORT call SERVICE/METHOD 'JSON'

Server-streaming methods (Subscribe) print one compact JSON line per message as it arrives; a
call that ends with a status prints it with its trailers (e.g. blazedb-resume-after). Needs
Debian's python3-grpcio and python3-protobuf (apt-get install python3-grpcio python3-protobuf).
"""
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

REFLECTION = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"


def varint(buf, i):
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, i


def fields(buf):
    """(field number, bytes) for every length-delimited field of a protobuf message."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 2:
            n, i = varint(buf, i)
            yield number, buf[i:i + n]
            i += n
        elif wire == 0:
            _, i = varint(buf, i)
        else:
            raise ValueError("unexpected wire type %d" % wire)


def string_field(number, text):
    data = text.encode()
    return bytes([number << 3 | 2]) + encode_varint(len(data)) + data


def encode_varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def reflect(channel, request):
    call = channel.stream_stream(REFLECTION, request_serializer=None, response_deserializer=None)
    return next(iter(call(iter([request]))))


def list_services(channel):
    response = reflect(channel, string_field(7, ""))  # list_services
    for number, body in fields(response):
        if number == 6:  # list_services_response
            for _, service in fields(body):
                yield dict(fields(service))[1].decode()


def pool_for(channel, symbol):
    response = reflect(channel, string_field(4, symbol))  # file_containing_symbol
    pool = descriptor_pool.DescriptorPool()
    files = {}
    for number, body in fields(response):
        if number == 7:  # error_response
            raise SystemExit("reflection: %r" % body)
        if number == 4:  # file_descriptor_response
            for _, raw in fields(body):
                proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
                files[proto.name] = proto
    added = set()

    def add(name):
        if name in added:
            return
        proto = files.get(name)
        if proto is None:  # a well-known type the server did not send
            from google.protobuf import struct_pb2, timestamp_pb2  # noqa: F401 (registers them)
            pool.AddSerializedFile(descriptor_pool.Default().FindFileByName(name).serialized_pb)
            added.add(name)
            return
        for dep in proto.dependency:
            add(dep)
        pool.Add(proto)
        added.add(name)

    for name in files:
        add(name)
    return pool


def main(target, command, *args):
    channel = grpc.insecure_channel(target)
    if command == "list":
        for name in list_services(channel):
            print(name)
    elif command == "describe":
        pool = pool_for(channel, args[0])
        service = pool.FindServiceByName(args[0])
        for m in service.methods:
            stream = "stream " if m.server_streaming else ""
            print("rpc %s(%s) returns (%s%s)" % (m.name, m.input_type.full_name, stream,
                                                 m.output_type.full_name))
    elif command == "call":
        service_name, method_name = args[0].rsplit("/", 1)
        pool = pool_for(channel, service_name)
        method = pool.FindServiceByName(service_name).FindMethodByName(method_name)
        request_class = message_factory.MessageFactory(pool).GetPrototype(method.input_type)
        response_class = message_factory.MessageFactory(pool).GetPrototype(method.output_type)
        request = json_format.Parse(args[1] if len(args) > 1 else "{}", request_class())
        path = "/%s/%s" % (service_name, method_name)
        try:
            if method.server_streaming:
                call = channel.unary_stream(path, request_class.SerializeToString, response_class.FromString)
                for response in call(request):
                    print(json_format.MessageToJson(response, indent=None), flush=True)
            else:
                call = channel.unary_unary(path, request_class.SerializeToString, response_class.FromString)
                print(json_format.MessageToJson(call(request)))
        except grpc.RpcError as e:
            print("ERROR:\n  Code: %s\n  Message: %s" % (e.code().name, e.details()))
            for key, value in e.trailing_metadata() or ():
                print("  Trailer: %s: %s" % (key, value))
            sys.exit(1)


if __name__ == "__main__":
    main(*sys.argv[1:])
