package fr.zlv.ownerportal;

import java.util.List;

/** One page of a campaign's answers (latest per code, newest first). */
public record AnswersPage(long campaignId, String campaignTitle, int page, int perPage, int total, List<AnswerView> items) {

    public int pages() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }
}
