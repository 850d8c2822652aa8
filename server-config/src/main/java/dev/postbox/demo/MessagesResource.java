package dev.postbox.demo;

import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/messages}: POST a text to send it to the demo queue; GET what the MDB consumed. */
@Path("messages")
public class MessagesResource {

    @Inject
    GreetingSender sender;

    @Inject
    ReceivedGreetings received;

    /** Sends the request body as a text message. */
    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(String text) throws JMSException {
        if (text == null || text.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", "Send a non-empty text body").build().toString())
                    .build();
        }
        String id = sender.send(text);
        return Response.accepted(Json.createObjectBuilder().add("messageId", id).add("queue", "demo.greetings")
                .build().toString()).build();
    }

    /** The greetings the MDB consumed, newest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReceivedGreetings.Greeting> consumed() {
        return received.list();
    }
}
