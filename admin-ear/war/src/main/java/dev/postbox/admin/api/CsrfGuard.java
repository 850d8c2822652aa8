package dev.postbox.admin.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Applies {@link CsrfRule} to every API request before it reaches a resource. */
@Provider
@PreMatching
public class CsrfGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        CsrfRule.Refusal refusal = CsrfRule.check(request.getMethod(), request.getUriInfo().getPath(),
                request.getHeaderString(CsrfRule.HEADER), request.getHeaderString(HttpHeaders.CONTENT_TYPE));
        if (refusal != null) {
            request.abortWith(ErrorResponses.of(refusal.status(), refusal.message()));
        }
    }
}
