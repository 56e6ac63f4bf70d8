import CYaml

/// The parse floor: libyaml's event parser run over the text, nothing built. Every figure of the benchmark is
/// also given as a multiple of this.
enum YAMLFloor {
    /// One floor pass: the events of each of `texts`.
    static func pass(over texts: [[UInt8]], strings: Bool = false) {
        for text in texts { _ = events(in: text, strings: strings) }
    }

    /// The number of events in `bytes`; -1 when libyaml reports an error. With `strings`, each scalar is also
    /// copied into a Swift `String`: the least any reader that keeps the values must do.
    static func events(in bytes: [UInt8], strings: Bool = false) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return -1 }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
                let done = event.type == YAML_STREAM_END_EVENT
                if strings, event.type == YAML_SCALAR_EVENT {
                    let scalar = event.data.scalar
                    let text = String(
                        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    count += text.isEmpty ? 0 : 1
                }
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }
}
