/**
 * The Jakarta Messaging message model: the six message types, their header, property and body rules, the
 * stored forms of bodies and properties, foreign-message conversion and the {@code ObjectMessage}
 * deserialization policy.
 *
 * <p>Depends only on {@code jakarta.jms}, {@code dev.postbox.jms} (destinations) and
 * {@code dev.postbox.jms.selector} ({@code SelectorContext}); never on the engine or the store.
 *
 * <h2>Stored formats</h2>
 *
 * <p>These formats are persisted (the {@code body_type} column holds {@link dev.postbox.jms.message.BodyType}
 * codes) and read by other tools: never change them in place; add a new format byte instead. All integers
 * are big-endian (as {@link java.io.DataOutputStream} writes them). A body of {@code null} means an empty
 * body for every type; a stored body of zero bytes also means an empty body, except for text, where it is
 * the empty string.
 *
 * <table>
 *   <caption>Bodies by body type code</caption>
 *   <tr><th>code</th><th>type</th><th>layout of the body bytes</th></tr>
 *   <tr><td>0</td><td>NONE ({@code Message})</td><td>no body: always null</td></tr>
 *   <tr><td>1</td><td>TEXT</td><td>the text in UTF-8 (no length prefix, no format byte); null text is a
 *       null body</td></tr>
 *   <tr><td>2</td><td>BYTES</td><td>the bytes as written (no length prefix, no format byte)</td></tr>
 *   <tr><td>3</td><td>MAP</td><td>{@code u8 format = 1}, {@code i32 count}, then {@code count} times:
 *       {@code string name}, {@code value}</td></tr>
 *   <tr><td>4</td><td>STREAM</td><td>{@code u8 format = 1}, {@code i32 count}, then {@code count} times:
 *       {@code value}, in stream order</td></tr>
 *   <tr><td>5</td><td>OBJECT</td><td>the Java serialization stream of the object
 *       ({@link java.io.ObjectOutputStream}, starting with {@code AC ED 00 05}); null object is a null
 *       body</td></tr>
 * </table>
 *
 * <p>The properties column: {@code u8 format = 1}, {@code i32 count}, then {@code count} times:
 * {@code string name}, {@code value} (tags 0 to 8 only). No properties is a null column.
 *
 * <p>A {@code string} is {@code i32 byteCount} followed by that many bytes of UTF-8 (an unpaired surrogate
 * in a Java string is stored as {@code ?}, as {@link String#getBytes(java.nio.charset.Charset)} does). A
 * {@code value} is a {@code u8 tag} followed by its payload:
 *
 * <table>
 *   <caption>Value tags</caption>
 *   <tr><th>tag</th><th>Java type</th><th>payload</th></tr>
 *   <tr><td>0</td><td>null</td><td>none</td></tr>
 *   <tr><td>1</td><td>Boolean</td><td>{@code u8}: 1 true, 0 false</td></tr>
 *   <tr><td>2</td><td>Byte</td><td>{@code i8}</td></tr>
 *   <tr><td>3</td><td>Short</td><td>{@code i16}</td></tr>
 *   <tr><td>4</td><td>Integer</td><td>{@code i32}</td></tr>
 *   <tr><td>5</td><td>Long</td><td>{@code i64}</td></tr>
 *   <tr><td>6</td><td>Float</td><td>{@code i32} IEEE 754 bits ({@link Float#floatToIntBits})</td></tr>
 *   <tr><td>7</td><td>Double</td><td>{@code i64} IEEE 754 bits ({@link Double#doubleToLongBits})</td></tr>
 *   <tr><td>8</td><td>String</td><td>{@code string}</td></tr>
 *   <tr><td>9</td><td>byte[]</td><td>{@code i32 length}, then the bytes (map and stream bodies only)</td></tr>
 *   <tr><td>10</td><td>Character</td><td>{@code u16} UTF-16 code unit (map and stream bodies only)</td></tr>
 * </table>
 *
 * <h2>Choices where the specification leaves room</h2>
 * <ul>
 *   <li>Property names that equal a header field name ({@code JMSType}, ...) or a selector keyword in any
 *       case are refused with {@code IllegalArgumentException} (sections 3.5.1, 3.8.1.1).</li>
 *   <li>{@code JMSX} properties: see {@link dev.postbox.jms.message.PropertyNames}.</li>
 *   <li>{@code getBody} of a {@code BytesMessage} returns the whole body (bytes written so far in write
 *       mode) without changing the mode or the read position.</li>
 *   <li>A failed read of a {@code StreamMessage} or {@code BytesMessage} never moves the read position,
 *       whatever the exception (the specification requires it for format and number-format failures).</li>
 *   <li>{@code getObject} deserializes under the {@link dev.postbox.jms.message.DeserializationPolicy}
 *       (default: {@code java.lang}, {@code java.util}, {@code java.math}, {@code java.time} only), also on
 *       the sending side, since it always returns a fresh copy.</li>
 *   <li>Foreign messages: see {@link dev.postbox.jms.message.ForeignMessageConverter} (section 3.12); a
 *       foreign {@code JMSReplyTo} that is not convertible is dropped, as section 3.12 permits.</li>
 *   <li>{@code writeBytes(null)} and {@code writeObject(null)} of a {@code StreamMessage} write a null
 *       field; {@code setBytes(name, null)} of a {@code MapMessage} stores a null entry (section 3.12:
 *       input objects may be null).</li>
 * </ul>
 */
package dev.postbox.jms.message;
